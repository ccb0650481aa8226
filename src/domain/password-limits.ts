/** Password length limits, apart from the common-password list so forms can use them cheaply. */
export const passwordMinLength = 10;
export const passwordMaxLength = 256;
