/**
 * The people a quote proposes, anonymised as CCTP 5.6.6.2 requires: a code (P1, P2…), a level and
 * certifications — never a name. The type has no field that could hold one (`name?: never`), the
 * parser refuses any extra field, and a "certification" must read like one (an exam code such as
 * AZ-104, or a known certification word), so that "Jean Dupont" typed in the wrong box is refused
 * instead of printed on a quote sent to a public buyer.
 */
import { type ProfileLevel, PROFILE_LEVEL_LABELS, parseProfileLevel } from '../catalogue/price-line';
import type { Issue } from '../errors';

/** "P1" … "P99". */
export type ProfileCode = `P${number}`;

/** One anonymised profile. */
export interface AnonymisedProfile {
  readonly code: ProfileCode;
  readonly level: ProfileLevel;
  readonly certifications: readonly string[];
  /** Deliberately impossible: a profile never carries a name. */
  readonly name?: never;
}

/** Most profiles one quote may propose. */
export const MAX_PROFILES = 30;
/** Most certifications listed for one profile. */
export const MAX_CERTIFICATIONS = 12;
const CODE_RE = /^P[1-9]\d?$/;
const ALLOWED_KEYS = new Set(['code', 'level', 'certifications']);

// Words found in certification titles (Microsoft role-based, project management, ITSM, security).
// A digit also qualifies: exam codes (AZ-104, MS-102) and versions (ITIL 4, ISO 27001) carry one.
const CERTIFICATION_WORDS =
  /\b(microsoft|azure|m365|office|teams|sharepoint|exchange|intune|entra|power|dynamics|copilot|fabric|security|certified|certification|associate|expert|fundamentals|specialist|professional|foundation|practitioner|administrator|architect|engineer|developer|consultant|analyst|trainer|mct|itil|prince|pmp|pmi|scrum|psm|safe|agile|togaf|cissp|cism|cisa|ccsp|iso|lead|auditor|implementer|cobit|ceh|oscp|comptia|aws|gcp|vmware|cisco|ccna|ccnp|linux|rhce)\b/i;

/** The French problem with a certification text, or `undefined` when it reads like one. */
export function certificationProblem(text: string): string | undefined {
  if (text.length < 2 || text.length > 80) return 'une certification compte de 2 à 80 caractères';
  if (/\d/.test(text) || CERTIFICATION_WORDS.test(text)) return undefined;
  return (
    `« ${text} » ne ressemble pas à une certification : indiquez son code ou son intitulé ` +
    '(AZ-104, MS-102, ITIL 4 Foundation, PMP…), jamais le nom d’une personne'
  );
}

/** "P1 — EXPERT (AZ-104, AZ-305)". */
export function profileTitle(profile: AnonymisedProfile): string {
  const certs = profile.certifications.length > 0 ? ` (${profile.certifications.join(', ')})` : '';
  return `${profile.code} — ${PROFILE_LEVEL_LABELS[profile.level]}${certs}`;
}

/** Profiles from a draft's input; every problem goes to `issues` with its path. */
export function parseProfiles(input: unknown, issues: Issue[]): AnonymisedProfile[] {
  if (!Array.isArray(input) || input.length === 0) {
    issues.push({
      path: 'profiles',
      message: 'Indiquez au moins un profil (code P1, niveau, certifications).',
    });
    return [];
  }
  if (input.length > MAX_PROFILES) {
    issues.push({ path: 'profiles', message: `Au plus ${MAX_PROFILES} profils par devis.` });
    return [];
  }
  const out: AnonymisedProfile[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const profile = parseProfile(raw, `profiles.${i}`, issues);
    if (!profile) return;
    if (seen.has(profile.code)) {
      issues.push({ path: `profiles.${i}.code`, message: `Le profil ${profile.code} figure deux fois.` });
      return;
    }
    seen.add(profile.code);
    out.push(profile);
  });
  return out;
}

function parseProfile(raw: unknown, path: string, issues: Issue[]): AnonymisedProfile | undefined {
  const at = `Profil ${Number(path.split('.')[1]) + 1}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path, message: `${at} : attendu un code, un niveau et des certifications.` });
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const before = issues.length;
  for (const key of Object.keys(record).filter((k) => !ALLOWED_KEYS.has(k))) {
    issues.push({
      path: `${path}.${key}`,
      message: `${at} : les profils sont anonymes, le champ « ${key} » n'est pas admis (code, niveau et certifications seulement).`,
    });
  }
  const code = typeof record.code === 'string' ? record.code.trim().toUpperCase() : '';
  if (!CODE_RE.test(code))
    issues.push({ path: `${path}.code`, message: `${at} : code invalide, attendu P1 à P99.` });
  const level = parseProfileLevel(record.level);
  if (!level)
    issues.push({ path: `${path}.level`, message: `${at} : niveau inconnu (JUNIOR, CONFIRMÉ ou EXPERT).` });
  const certifications = parseCertifications(record.certifications, `${path}.certifications`, at, issues);
  if (issues.length > before || !level) return undefined;
  return { code: code as ProfileCode, level, certifications };
}

function parseCertifications(value: unknown, path: string, at: string, issues: Issue[]): string[] {
  if (value === undefined || value === null || value === '') return [];
  // A form sends one text ("AZ-104, MS-102"); the API sends a list.
  const list = typeof value === 'string' ? value.split(/[,;\n]/) : Array.isArray(value) ? value : undefined;
  if (!list) {
    issues.push({ path, message: `${at} : certifications attendues sous forme de liste.` });
    return [];
  }
  const texts = list.map((c) => (typeof c === 'string' ? c.trim().replace(/\s+/g, ' ') : '')).filter(Boolean);
  if (texts.length > MAX_CERTIFICATIONS) {
    issues.push({ path, message: `${at} : au plus ${MAX_CERTIFICATIONS} certifications.` });
    return [];
  }
  texts.forEach((text, j) => {
    const problem = certificationProblem(text);
    if (problem) issues.push({ path: `${path}.${j}`, message: `${at} : ${problem}.` });
  });
  return [...new Set(texts)];
}
