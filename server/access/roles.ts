/**
 * The server's names for the contract's roles and capabilities (contract/access.ts is their one
 * home; the SPA reads the same table).
 */
export { allows, CAPABILITY_ROLE, CAPABILITY_WORDS, higherRole, ROLE_NAMES as ROLES, roleRank, type Capability, type RoleName as Role } from "#contract/access";
