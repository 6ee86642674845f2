// Character codes the extractors compare tokens against (both lexers hand out codes, not strings).

export const OPEN_PAREN = 40;
export const CLOSE_PAREN = 41;
export const STAR = 42;
export const COMMA = 44;
export const DOT = 46;
export const COLON = 58;
export const SEMICOLON = 59;
export const EQUALS = 61;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
