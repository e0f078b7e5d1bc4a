// unittest.mock lesson 4: replace the whole API class with a stand-in built
// from its spec. Python: @mock.patch('salary.ThirdPartyBonusRestApi', spec=True).
import sinon from 'sinon';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import { Salary } from '../../../src/domain/salary.ts';

// Automock: every export of the module, for every importer in this file
// (salary.ts included), is replaced by a mock with the same shape.
vi.mock('../../../src/domain/bonus-api.ts');

type BonusApiModule = typeof import('../../../src/domain/bonus-api.ts');
const actual = await vi.importActual<BonusApiModule>('../../../src/domain/bonus-api.ts');

describe('a stand-in class built from the real one (spec=True)', () => {
  // @mock.patch gives each test a fresh MockRest; the automock lives as long
  // as this file, so forget every test's calls and answers before the next.
  beforeEach(() => {
    vi.resetAllMocks();
  });

  test('the automocked class is what Salary constructs [mock-spec-class]', async () => {
    const MockRest = vi.mocked(ThirdPartyBonusRestApi);
    vi.mocked(MockRest.prototype.bonusPrice).mockResolvedValue(1);
    const salary = new Salary({ year: 2017 });

    expect(await salary.calculationSalary()).toBe(101);
    expect(MockRest).toHaveBeenCalledOnce();
    expect(salary.bonusApi).toBe(MockRest.mock.instances[0]);
    expect(salary.bonusApi.bonusPrice).toHaveBeenCalledWith(2017);
  });

  test('sinon.createStubInstance stubs every method of the real class', async () => {
    const mockRest = sinon.createStubInstance(actual.ThirdPartyBonusRestApi);
    mockRest.bonusPrice.resolves(1);

    expect(await new Salary({ year: 2017, bonusApi: mockRest }).calculationSalary()).toBe(101);
    sinon.assert.calledOnceWithExactly(mockRest.bonusPrice, 2017);
    expect(mockRest).toBeInstanceOf(actual.ThirdPartyBonusRestApi);
  });

  test('a method the real class lacks is an error', () => {
    const automocked = new ThirdPartyBonusRestApi();
    const stubbed = sinon.createStubInstance(actual.ThirdPartyBonusRestApi);
    // @ts-expect-error bonusPriceFor is not a method of ThirdPartyBonusRestApi
    expect(() => automocked.bonusPriceFor(2017)).toThrow(TypeError);
    // @ts-expect-error bonusPriceFor is not a method of ThirdPartyBonusRestApi
    expect(() => stubbed.bonusPriceFor(2017)).toThrow(TypeError);
  });
});
