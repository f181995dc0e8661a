export interface ModelSuspension {
  suspended: boolean;
  actor: string;
  reason: string;
  at: string;
}
