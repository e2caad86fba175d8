/**
 * Walks `--flag [value]` options: `handle` gets each flag and a `value()` that consumes the next
 * argument (an error naming the flag when there is none), and returns false for a flag it does not know.
 */
export function walkOptions(argv: string[], handle: (flag: string, value: () => string) => boolean): void {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (!handle(flag, value)) throw new Error(`unknown option ${flag}`);
  }
}
