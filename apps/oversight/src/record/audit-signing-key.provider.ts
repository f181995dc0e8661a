import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { generateSigningKey, keyIdOf, signCheckpoint, type CheckpointBody, type SignedCheckpoint } from '@tianping/audit-log';

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const DEV_KEY_FILE = resolve(PROJECT_ROOT, '.tianping', 'audit-signing-key.pem');

/**
 * The Ed25519 key that signs checkpoints. The private key stays in a private field: it is never
 * logged, serialised or returned; only the public key and its id leave this class.
 */
export class AuditSigningKey {
  readonly #privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;

  constructor(privateKeyPem: string) {
    this.#privateKey = createPrivateKey(privateKeyPem);
    if (this.#privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be Ed25519');
    this.publicKeyPem = createPublicKey(this.#privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(this.#privateKey);
  }

  sign(body: CheckpointBody): SignedCheckpoint {
    return signCheckpoint(body, this.#privateKey);
  }

  /**
   * TIANPING_AUDIT_KEY_FILE names the PEM in production and must exist (a silently new key would
   * orphan every earlier checkpoint). Without it, development uses .tianping/ and creates the key once.
   */
  static load(env: NodeJS.ProcessEnv = process.env): AuditSigningKey {
    const configured = env.TIANPING_AUDIT_KEY_FILE;
    if (configured) {
      if (!existsSync(configured)) throw new Error(`TIANPING_AUDIT_KEY_FILE does not exist: ${configured}`);
      return new AuditSigningKey(readFileSync(configured, 'utf8'));
    }
    if (!existsSync(DEV_KEY_FILE)) createKeyFile(DEV_KEY_FILE);
    return new AuditSigningKey(readFileSync(DEV_KEY_FILE, 'utf8'));
  }
}

function createKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx': if another process created it first, keep theirs.
    writeFileSync(path, generateSigningKey().privateKeyPem, { mode: 0o600, flag: 'wx' });
    new Logger('AuditSigningKey').warn(`created a development audit signing key at ${path}`);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
}
