/**
 * aad.manifest.json, the Entra app of the REST API and of the tab's SSO (applied by aadApp/update):
 * the roles the API reads, the access_as_user scope Teams asks a token for, the Teams and
 * Microsoft 365 clients allowed to ask without a consent prompt, and tokens the API can validate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ROLES } from '../../bot/src/api/api-caller';
import { ENTRA_OPENID_CONFIG_URL } from '../../bot/src/config/config';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

interface EntraApp {
  displayName: string;
  signInAudience: string;
  identifierUris: string[];
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
    preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
  };
  appRoles: {
    id: string;
    value: string;
    isEnabled: boolean;
    allowedMemberTypes: string[];
    displayName: string;
  }[];
  optionalClaims: { accessToken: { name: string }[] };
}

const app = read('aad.manifest.json') as unknown as EntraApp;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCOPE_ID = '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}';

/** Microsoft's published client ids of Teams and of the Microsoft 365 / Outlook hosts of tabs. */
const HOST_CLIENTS = {
  'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
  'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'Microsoft 365 mobile, Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
};

describe('Entra app of the API (aad.manifest.json)', () => {
  it('uses the Microsoft Graph manifest format the Toolkit applies with aadApp/update', () => {
    expect(app).toHaveProperty('displayName');
    expect(app).not.toHaveProperty('name');
    expect(app).not.toHaveProperty('oauth2Permissions');
  });

  it('declares exactly the app roles the API reads, each with a fixed unique id', () => {
    expect(app.appRoles.map((role) => role.value).sort()).toEqual([...API_ROLES].sort());
    const ids = app.appRoles.map((role) => role.id);
    expect(ids.every((id) => GUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const role of app.appRoles) {
      expect(role).toMatchObject({ isEnabled: true, allowedMemberTypes: ['User'] });
      expect(role.displayName).not.toBe('');
    }
  });

  it('exposes access_as_user and pre-authorises the Teams and Microsoft 365 clients for it', () => {
    expect(app.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ id: SCOPE_ID, value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
    const preAuthorized = new Map(
      app.api.preAuthorizedApplications.map((c) => [c.appId, c.delegatedPermissionIds]),
    );
    for (const [client, id] of Object.entries(HOST_CLIENTS)) {
      expect({ client, scopes: preAuthorized.get(id) }).toEqual({ client, scopes: [SCOPE_ID] });
    }
    for (const scopes of preAuthorized.values()) expect(scopes).toEqual([SCOPE_ID]);
  });

  it('issues tokens the API validates: v2 tokens of any organisation (the API filters tenants itself)', () => {
    // The API reads Entra's multi-tenant v2.0 metadata, whose issuer only matches v2 tokens.
    expect(ENTRA_OPENID_CONFIG_URL).toContain('/common/v2.0/');
    expect(app.api.requestedAccessTokenVersion).toBe(2);
    expect(app.signInAudience).toBe('AzureADMultipleOrgs');
    expect(app.optionalClaims.accessToken.map((claim) => claim.name)).toContain('idtyp');
  });

  it('has the identifier URI the Teams manifest asks tokens for (webApplicationInfo.resource)', () => {
    const manifest = read('manifest/manifest.json') as {
      webApplicationInfo: { id: string; resource: string };
    };
    expect(app.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(manifest.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(manifest.webApplicationInfo.resource).toBe('api://${{APP_DOMAIN}}/${{AAD_APP_CLIENT_ID}}');
  });
});
