import { ID_MAX_LENGTH, LABEL_MAX_LENGTH } from "./assumptions";

/**
 * What an id or a label value may hold (schema-free, so the pages can check a link's value
 * without carrying zod): no white space, slashes, query or quoting characters.
 */
export const ID_PATTERN = /^[^\s/\\?#&%"'<>]+$/;

export const isIdValue = (value: string): boolean => value !== "" && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);

/** A built-in label value or a custom AI label id, as the API takes it (`label`). */
export const isLabelValue = (value: string): boolean => value !== "" && value.length <= LABEL_MAX_LENGTH && ID_PATTERN.test(value);
