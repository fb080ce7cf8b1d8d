import {
  effectiveMacros,
  envReferences,
  expandMacros,
  macroReferences,
} from './macros';

describe('macros', () => {
  const globals = [
    { name: 'server', value: '/app/llama-server', line: 1 },
    { name: 'ctx', value: '4096', line: 2 },
    { name: 'args', value: '--ctx-size ${ctx}', line: 3 },
  ];

  it('lets a macro use one defined before it, and model macros override in place', () => {
    const macros = effectiveMacros('m1', globals, [
      { name: 'ctx', value: '65536', line: 9 },
    ]);
    expect(macros.map(macro => macro.name)).toEqual([
      'MODEL_ID',
      'server',
      'ctx',
      'args',
    ]);
    expect(
      expandMacros(
        '${server} ${args} --alias ${MODEL_ID} --port ${PORT}',
        macros,
      ),
    ).toBe('/app/llama-server --ctx-size 65536 --alias m1 --port ${PORT}');
  });

  it('does not expand a macro used before its definition', () => {
    const macros = effectiveMacros(
      'm',
      [
        { name: 'a', value: '${b}', line: 1 },
        { name: 'b', value: 'B', line: 2 },
      ],
      [],
    );
    expect(expandMacros('${a}', macros)).toBe('${b}');
  });

  it('finds the references left, ignoring env references', () => {
    expect(macroReferences('${x} ${env.HOME} ${y-z}')).toEqual(['x', 'y-z']);
    expect(envReferences('${env.HOME}/models ${env.HF_HOME}')).toEqual([
      'HOME',
      'HF_HOME',
    ]);
  });
});
