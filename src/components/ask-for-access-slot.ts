import { createContext, type ReactNode } from "react";
import type { RoleName } from "#contract/access";

/**
 * What a refusal offers besides whom to ask: the app shell fills this with "Ask for access"
 * for the current person and workspace (shared components never import a feature).
 */
export const AskForAccessSlot = createContext<((role: RoleName) => ReactNode) | undefined>(undefined);
