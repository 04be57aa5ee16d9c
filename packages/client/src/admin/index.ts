export { createAdminClient, type AdminClientOptions, type LinliAdmin } from "../http/admin.js";
