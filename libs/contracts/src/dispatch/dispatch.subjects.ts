/** NATS subjects of dispatch. Versioned names; never renamed. */
export const DispatchSubjects = {
  /** A double-random draw was made: its seed, inputs fingerprint and result, for oversight's record. */
  drawCompleted: 'dispatch.draw.completed.v1',
  /** A plan (joint visits with teams and days) was built from a draw. */
  planPublished: 'dispatch.plan.published.v1',
  /** Officers recorded a visit's item results: intake turns them into cases. */
  visitResultRecorded: 'dispatch.visit.result-recorded.v1',
  /** A bureau setting changed (plan, policy, checklist item, calendar day, conflict of interest): who, when, before and after. */
  settingChanged: 'dispatch.setting.changed.v1',
  /** A dispatcher replaced one officer of a scheduled visit's team (a conflict declared, an officer away). */
  visitTeamChanged: 'dispatch.visit.team-changed.v1',
  /** A done visit's rectification deadline (整改期限) was extended (延期整改): the re-inspection waits for the new day. */
  rectificationExtended: 'dispatch.visit.rectification-extended.v1',
  /** A platform case's rectification deadline was extended (延期整改): the re-inspection waits for the new day. */
  caseRectificationExtended: 'dispatch.case.rectification-extended.v1',
  /** An extension moved a deadline past a scheduled visit's day: the visit no longer carries that re-inspection, or is cancelled. */
  followUpReleased: 'dispatch.visit.follow-up-released.v1',
} as const;
