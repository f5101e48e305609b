import { AUDIT_ACTION_WORDS, describeAuditDetails } from "#contract/audit-words";
import type { AuditEntry } from "#contract/dashboard-api";
import { formatCount } from "../../lib/format/numbers";

export const ACTION_WORDS = AUDIT_ACTION_WORDS;

/** One line of what the row says, in plain words, with numbers in the reader's locale. */
export const describeDetails = (entry: AuditEntry): string => describeAuditDetails(entry.details, formatCount);
