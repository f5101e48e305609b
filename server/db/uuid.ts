const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether an id can be a row's uuid: anything else is "no such row", never a query PostgreSQL refuses. */
export const isUuid = (id: string): boolean => UUID.test(id);
