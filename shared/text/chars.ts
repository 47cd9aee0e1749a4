// Characters told by their UTF-16 code, for the readers that go through a text one character at a time.

/** Whether a character code is an ASCII digit, 0 to 9. */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57
