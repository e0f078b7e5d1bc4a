export {
  BonusApiError,
  type BonusApiOptions,
  type BonusSource,
  ConnectionRefusedError,
  DEFAULT_BONUS_API_URL,
  DEFAULT_TIMEOUT_MS,
  ThirdPartyBonusRestApi,
} from './bonus-api.ts';
export { type RunningBonusServer, startBonusServer } from './bonus-server.ts';
export { addNum, Cal } from './calculation.ts';
export { Salary, type SalaryOptions } from './salary.ts';
