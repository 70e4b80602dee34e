// Pure modules cannot call vscode.l10n.t, so they take a translator. The
// default fills "{0}"-style placeholders the way vscode.l10n.t does and
// leaves the English text as is.
export type Translate = (message: string, ...args: Array<string | number>) => string;

export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
