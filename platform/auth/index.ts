/** API tokens with roles, and the middleware that checks them. */
export { ApiTokenStore, hashToken, generateToken, type TokenPrincipal } from './api-tokens';
export { requireToken, principalOf, authenticate, type Authentication } from './require-token';
export { tokenRoutes } from './token-routes';
