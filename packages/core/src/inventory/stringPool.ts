/**
 * One copy of each string the model keeps: names, keys and values repeat across thousands of
 * units (`default.target`, `LOG_LEVEL`, `container.d`), and each unit's file would otherwise
 * hold its own copy of them for as long as the model lives.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** `intern` of an optional value. */
  internMaybe(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.intern(text);
  }
}
