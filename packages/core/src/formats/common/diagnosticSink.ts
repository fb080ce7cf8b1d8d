import { Diagnostic, diagnostic, Severity } from '../../diagnostic';

/**
 * Collects the diagnostics of one file under one code prefix, so model code reads
 * `sink.error(line, 'missing-cmd', '…')` instead of repeating file and prefix.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string, private readonly codePrefix: string) {}

  report(
    line: number,
    severity: Severity,
    code: string,
    message: string,
  ): void {
    this.diagnostics.push(
      diagnostic(
        this.file,
        line,
        severity,
        `${this.codePrefix}/${code}`,
        message,
      ),
    );
  }

  error(line: number, code: string, message: string): void {
    this.report(line, 'error', code, message);
  }

  warning(line: number, code: string, message: string): void {
    this.report(line, 'warning', code, message);
  }

  info(line: number, code: string, message: string): void {
    this.report(line, 'info', code, message);
  }
}
