/** An example's code made a `vm.Script` that runs in its comment's scope. */
import vm from 'node:vm';
import { inScope } from './runnable.ts';

/**
 * Compile the example (its type syntax already blanked out by `stripTypes`); what is left
 * that plain JavaScript does not parse (enums, namespaces, parameter properties) is transpiled.
 */
export async function compile(
  code: string,
  filename: string,
  keepAlive: () => void,
): Promise<vm.Script> {
  try {
    return new vm.Script(inScope(code), { filename });
  } catch (err) {
    if ((err as Error)?.name !== 'SyntaxError') throw err;
    const ts = (await import('./typescript.ts')).typescript();
    // Loading the compiler takes a while: that time is not the example's.
    keepAlive();
    const js = ts.transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve },
      reportDiagnostics: false,
    }).outputText;
    try {
      return new vm.Script(inScope(js), { filename });
    } catch {
      // Report the error of the code as written, not as wrapped.
      new vm.Script(code, { filename });
      throw err;
    }
  }
}
