/**
 * The fixed wording of the register entry, in Chinese and English. Everything that changes (model,
 * metrics, thresholds, kill switch, appeals, audits) is filled in from live facts by register.util.
 */
export interface Text {
  zh: string;
  en: string;
}

export const REGISTER_TEXTS = {
  name: { zh: '天平：市场监管检查风险评分与“双随机”抽查', en: 'Tianping: inspection-risk scoring and "double random" inspection draws' },
  descriptionShort: {
    zh: '按十二项因子估计企业被检查时发现违法的概率，据此分色并在“双随机”抽查中调整抽查比例；保留随机探索样本。',
    en: 'Estimates, from twelve factors, the probability that an inspection finds a violation; colours enterprises and weights "double random" draws by it, keeping a purely random exploration share.',
  },
  decisionMakingProcess: {
    zh: '市场监管领域“双随机、一公开”联合抽查：评分决定各颜色组的抽查比例，检查对象仍由可复核的随机抽取确定，检查结果由执法人员认定。',
    en: 'Joint "double random, one public" inspections in market regulation: the score sets the sampling ratio of each colour group; who is inspected is still decided by a reproducible random draw, and findings are made by officers.',
  },
  goal: {
    zh: '把有限的检查力量投向更可能存在违法的企业，减少对守法企业的打扰（“无事不扰”），同时保持抽查的随机性与可复核性。',
    en: 'Direct limited inspection capacity toward enterprises more likely to be in violation and disturb compliant ones less, while keeping draws random and reproducible.',
  },
  impact: {
    zh: '企业可能因评分较高而被更频繁地抽查，或因评分较低而较少被抽查。评分本身不构成处罚；任何处理决定均由执法人员依法作出。企业可查看自己的评分与解释。',
    en: 'An enterprise may be inspected more often when its score is high, or less often when low. A score is not a penalty; every decision on an enterprise is made by an officer under the law. Enterprises can see their own score and its explanation.',
  },
  risks: {
    zh: '主要风险：对某些行业、区县或规模的企业系统性多抽或少抽；模型只在自己选中的企业上被验证（反馈回路）；数据随时间漂移。应对：季度公平性审计、以随机探索样本衡量准确性、因子与分数漂移监测、熔断开关。',
    en: 'Main risks: systematically over- or under-inspecting some industries, districts or sizes; the model being validated only on the enterprises it chose (feedback loop); data drifting over time. Mitigations: quarterly fairness audits, accuracy measured on the random exploration share, drift monitoring of factors and scores, a kill switch.',
  },
  proportionality: {
    zh: '只使用企业层面的登记、检查、处罚与投诉数据；不使用任何自然人身份信息；评分只影响抽查概率，不直接产生对企业的不利决定，且抽查比例设有上限。',
    en: 'Uses only enterprise-level registration, inspection, penalty and complaint data; no personal identity; the score only changes inspection probabilities, never decides against an enterprise by itself, and sampling ratios are capped.',
  },
  lawfulBasis: {
    zh: '《优化营商环境条例》（国务院令第722号）关于市场监管领域行政检查以“双随机、一公开”为基本方式及分级分类监管的规定；《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）；《中华人民共和国行政处罚法》关于当事人陈述、申辩权的规定；涉及个体工商户时，《中华人民共和国个人信息保护法》第二十四条关于自动化决策的规定。',
    en: 'The Regulations on Optimising the Business Environment (State Council Decree No. 722) on "double random, one public" as the basic way of inspection in market regulation and on tiered, classified supervision; the State Council Opinions on fully implementing joint "double random, one public" supervision in market regulation (Guo Fa [2019] No. 5); the Administrative Penalty Law on the right to state one\'s case and defend; for individual businesses, Article 24 of the Personal Information Protection Law on automated decision-making.',
  },
  trainingData: {
    zh: '训练窗口内的历史检查及其结果（是否发现违法），以及检查日之前可知的企业登记、处罚与投诉记录；只用检查日之前的数据（无信息泄漏）。',
    en: 'Past inspections in the training window and their outcome (violation found or not), with the registration, penalty and complaint records known before each inspection day (no leakage of later data).',
  },
  sourceData: {
    zh: '行政执法信息平台（市场主体、检查与处罚案件、执法人员）与行政执法网络监督平台（投诉举报线索）导出的数据，一户一档。',
    en: 'Exports of the law-enforcement information platform (market subjects, inspection and penalty cases, officers) and of the online supervision platform (complaints and leads), kept as one file per enterprise.',
  },
  dataBias: {
    zh: '历史检查并非随机选取，结果带有选择偏差；因此每次抽取保留随机探索份额，准确性与公平性以该随机样本为准。',
    en: 'Past inspections were not chosen at random, so their outcomes carry selection bias; every draw therefore keeps a random exploration share, and accuracy and fairness are read on that random sample.',
  },
  connectedDataSources: {
    zh: '不连接人口或身份数据库。法定代表人与执法人员的身份信息在接入时加密，不参与评分，不进入事件与审计报告。',
    en: 'No population or identity register is connected. Identities of legal representatives and officers are encrypted on intake, never used as factors, and never appear in events or audit reports.',
  },
  description: {
    zh: '加性模型（广义加性模型，GAM）：每个因子对风险的对数几率贡献一项，各项与基线相加即得分数，因此每个分数都可精确分解为各因子的贡献，并给出中英文的主要原因。检查人员效应仅在拟合时作为干扰项估计，从不提高企业分数。颜色阈值是独立于模型、经审批的政策。',
    en: "An additive model (generalised additive model, GAM): each factor adds one term to the log-odds of risk; the terms plus a base make the score, so every score splits exactly into factor contributions, with its top reasons in Chinese and English. Inspector effects are estimated as a nuisance term while fitting and never raise an enterprise's score. Colour thresholds are an approved policy, separate from the model.",
  },
  performance: {
    zh: '训练时在留出的验证数据上报告 AUC、对数损失与校准误差；运行中每季度在随机探索抽查样本上重新测量，并与模型自选样本对照。',
    en: 'AUC, log loss and calibration error are reported on held-out validation data at training; in use they are re-measured every quarter on the random exploration share of inspections, set against the model-chosen share.',
  },
  monitoring: {
    zh: '每季度自动生成算法审计报告（公平性、准确性、漂移），亦可随时生成；每份报告的哈希记入防篡改记录，可原样公开供社会监督。',
    en: "An algorithm audit report (fairness, accuracy, drift) is made every quarter and on demand; each report's hash is logged in the tamper-evident record, and a report can be published unchanged for outside scrutiny.",
  },
  humanIntervention: {
    zh: '模型版本与颜色阈值须经审批后方可启用，每次变更与操作人记入防篡改记录；监督人员可随时启动熔断，暂停模型，抽查即回到纯随机；执法人员对每次检查结果作出认定。',
    en: 'A model version or colour policy is used only after approval, and every change is logged with who made it in the tamper-evident record; oversight officers can pull the kill switch at any time, suspending the model so draws become purely random; officers make every inspection finding.',
  },
  objectionProcedure: {
    zh: '企业可查看自己的评分、各因子贡献与原因，对数据或评分提出陈述申辩；申辩由人工复核，更正数据或推翻评分的决定记入防篡改记录。对检查结果或处罚决定，依法申请行政复议或提起行政诉讼。',
    en: "An enterprise can see its score, each factor's contribution and the reasons, and contest the data or the score (陈述申辩); a person reviews every appeal, and decisions correcting data or overriding a score are logged in the tamper-evident record. Inspection findings and penalties can be challenged by administrative reconsideration or litigation under the law.",
  },
  rollback: {
    zh: '熔断开关立即停止按风险抽取；已作出的抽取可由记录的种子与输入复现与复核；模型可退回到此前批准的版本。',
    en: 'The kill switch stops risk-based selection at once; past draws can be reproduced and checked from their recorded seed and inputs; the model can be rolled back to an earlier approved version.',
  },
  notConfigured: { zh: '未配置', en: 'not configured' },
} satisfies Record<string, Text>;
