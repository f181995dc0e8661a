import { createHash, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.util';
import { isHexHash } from './merkle-hash.util';

/** The signed statement "the log named origin had treeSize entries with this root at this time". */
export interface CheckpointBody {
  /** Names the log, so a checkpoint of one log cannot be passed off as another's. */
  origin: string;
  treeSize: number;
  /** MTH over the first treeSize leaves, lower-case hex. */
  rootHash: string;
  /** ISO-8601 instant the head was signed. */
  timestamp: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** sha256 of the signer's public key (SPKI DER), hex: tells which key to verify with. */
  keyId: string;
  /** Ed25519 signature over checkpointMessage(body), base64. */
  signature: string;
}

export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

export interface VerifyResult {
  ok: boolean;
  reason?: string;
}

// Domain separation: these signatures can never be replayed as signatures over other Tianping data.
const CHECKPOINT_CONTEXT = 'tianping-audit-checkpoint-v1\n';

/** A fresh Ed25519 key pair. The app writes the private PEM to its key file and nowhere else. */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** sha256 of the public key's SPKI DER encoding, hex. Accepts a PEM, a public or a private key. */
export function keyIdOf(key: KeyObject | string): string {
  // createPublicKey refuses a KeyObject that is already public, so pass those through.
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** The exact bytes that are signed: a context line, then the canonical JSON of the four fields. */
export function checkpointMessage(body: CheckpointBody): Buffer {
  const { origin, treeSize, rootHash, timestamp } = body;
  return Buffer.from(CHECKPOINT_CONTEXT + canonicalJson({ origin, rootHash, timestamp, treeSize }), 'utf8');
}

function bodyProblem(body: CheckpointBody): string | undefined {
  if (typeof body.origin !== 'string' || body.origin.length === 0) return 'origin missing';
  if (!Number.isSafeInteger(body.treeSize) || body.treeSize < 0) return 'treeSize is not a non-negative integer';
  if (!isHexHash(body.rootHash)) return 'rootHash is not 64 lower-case hex digits';
  if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp))) return 'timestamp is not ISO-8601';
  return undefined;
}

/** Signs a tree head. The private key is used, never copied into the result or any message. */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject | string): SignedCheckpoint {
  const problem = bodyProblem(body);
  if (problem) throw new TypeError(`signCheckpoint: ${problem}`);
  const signature = sign(null, checkpointMessage(body), privateKey).toString('base64');
  const { origin, treeSize, rootHash, timestamp } = body;
  return { origin, treeSize, rootHash, timestamp, keyId: keyIdOf(privateKey), signature };
}

/** Checks the shape, the key id and the Ed25519 signature of a checkpoint. */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKeyPem: string | KeyObject): VerifyResult {
  if (typeof checkpoint !== 'object' || checkpoint === null) return { ok: false, reason: 'checkpoint is not an object' };
  const problem = bodyProblem(checkpoint);
  if (problem) return { ok: false, reason: `malformed checkpoint: ${problem}` };
  if (typeof checkpoint.signature !== 'string') return { ok: false, reason: 'malformed checkpoint: signature missing' };
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    return { ok: false, reason: 'public key could not be read' };
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return { ok: false, reason: 'public key is not Ed25519' };
  if (checkpoint.keyId !== keyIdOf(publicKey)) return { ok: false, reason: 'checkpoint was signed by a different key' };
  const signature = Buffer.from(checkpoint.signature, 'base64');
  if (!verify(null, checkpointMessage(checkpoint), publicKey, signature)) return { ok: false, reason: 'checkpoint signature is invalid' };
  return { ok: true };
}
