/**
 * The calculator flow: how much a person pays for voluntary social insurance (income → group → payment mode),
 * and an estimate of the pension (sex → years paid → average income). Works on every channel: options go out as
 * quick replies, which SMS shows numbered, so every question accepts the option's number as well as its words.
 */
import { goto, pickChoice, stay, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import type { Reply } from '../../src/core/message.ts';
import {
  MAX_MISSING_YEARS_AT_ONCE,
  MAX_YEARS_AHEAD,
  MIN_PENSION_YEARS,
  fullRateYears,
  pensionEstimate,
  premium,
  type PaymentMode,
  type PensionEstimate,
  type PremiumResult,
  type Sex,
} from './compute.ts';
import { formatMoney, formatNumber, formatPercent, parseMoney } from './money.ts';
import {
  AFTER_PENSION_OPTIONS,
  AFTER_PREMIUM_OPTIONS,
  GROUP_OPTIONS,
  MODE_OPTIONS,
  SEX_OPTIONS,
  calculatorCommand,
  parseGroups,
  parseMode,
  parsePensionYears,
  parseSex,
  parseYearsAhead,
  pickGroup,
  wantsPension,
} from './parse.ts';
import { reply, shortSource, type Line } from './reply.ts';
import { GROUP_LABELS, RULES_WARNING_TEXT, SUBSIDY_GROUPS, incomeLimits, rulesAt, type SubsidyGroup } from './rules.ts';

export const CALCULATOR_FLOW_ID = 'calculator';

export interface CalculatorOptions {
  /** The fund's average monthly investment rate used to discount payments for years ahead (e.g. 0.0035). */
  discountRatePerMonth: number;
  /** Flow that "Menu" and unrelated text after a result are handed to (default "menu"). */
  menuFlowId?: string;
}

type Step = 'income' | 'group' | 'mode' | 'years' | 'after' | 'sex' | 'pensionYears' | 'pensionIncome' | 'afterPension';

function limitsLine(ctx: FlowContext): { floor: number; ceiling: number; refName: string } {
  const { period } = rulesAt(ctx.now);
  return { ...incomeLimits(period), refName: period.referenceName };
}

function askIncome(ctx: FlowContext, state: FlowState, intro?: string): StepOutcome {
  const { floor, ceiling } = limitsLine(ctx);
  const lines: Line[] = [];
  if (intro) lines.push({ text: intro });
  lines.push({
    text: `Anh/chị muốn đóng theo mức thu nhập bao nhiêu một tháng? Từ ${formatNumber(floor)} đến ${formatMoney(ceiling)}. Ví dụ: 2 triệu, 1tr5 hoặc 1.500.000.`,
  });
  return stay('income', state, reply(ctx, lines));
}

function incomeExample(): string {
  return 'Ví dụ: 2 triệu, 1tr5 hoặc 1.500.000.';
}

/** The note on a period whose floor is provisional (see RulesPeriod.provisional). */
function provisionalLine(p: { text: string; sms: string }): Line {
  return { text: `Lưu ý: ${p.text}.`, sms: `Lưu ý: ${p.sms}.` };
}

function refusal(ctx: FlowContext, result: Extract<PremiumResult, { ok: false }>): Line[] {
  const what =
    result.reason === 'belowFloor'
      ? `Mức ${formatMoney(result.income)} thấp hơn mức tối thiểu.`
      : `Mức ${formatMoney(result.income)} cao hơn mức tối đa.`;
  const lines: Line[] = [
    { text: what },
    {
      text: `Thu nhập làm căn cứ đóng phải từ ${formatMoney(result.floor)} (chuẩn nghèo nông thôn) đến ${formatMoney(result.ceiling)} (20 lần ${result.period.referenceName}).`,
    },
    { text: `Hãy gửi lại mức thu nhập. ${incomeExample()}` },
  ];
  if (result.reason === 'belowFloor' && result.period.provisional) lines.push(provisionalLine(result.period.provisional));
  if (result.reason === 'aboveCeiling' && result.period.unverified) {
    lines.push({ text: `Lưu ý: ${result.period.unverified}; hỏi tổng đài ${ctx.campaign.hotline}.`, optional: true });
  }
  return lines;
}

function askGroup(ctx: FlowContext, income: number): StepOutcome {
  return stay(
    'group',
    { income },
    reply(
      ctx,
      [{ text: `Thu nhập ${formatMoney(income)}/tháng. Anh/chị thuộc nhóm nào? (để tính tiền Nhà nước hỗ trợ)` }],
      GROUP_OPTIONS,
    ),
  );
}

/** Take an income: refuse it with both limits, or go on to the group. */
function acceptIncome(ctx: FlowContext, income: number): StepOutcome {
  const check = premium(income, ctx.now, 'other', { kind: 'months', months: 1 });
  if (!check.ok) return stay('income', {}, reply(ctx, refusal(ctx, check)));
  return askGroup(ctx, income);
}

function askMode(ctx: FlowContext, state: FlowState, prefix?: string): StepOutcome {
  const text = `${prefix ? `${prefix} ` : ''}Anh/chị muốn đóng mấy tháng một lần?`;
  return stay('mode', state, reply(ctx, [{ text }], MODE_OPTIONS));
}

function askYears(ctx: FlowContext, state: FlowState, prefix?: string): StepOutcome {
  const text = `${prefix ? `${prefix} ` : ''}Đóng trước mấy năm một lần? Gửi một số từ 1 đến ${MAX_YEARS_AHEAD}, ví dụ: 2.`;
  return stay('years', state, reply(ctx, [{ text }]));
}

function modeLine(r: Extract<PremiumResult, { ok: true }>): Line {
  const mode = r.mode;
  if (mode.kind === 'months') {
    if (mode.months === 1) return { text: `- Anh/chị đóng: ${formatMoney(r.monthlyPay)}/tháng.` };
    return {
      text: `- Anh/chị đóng ${formatMoney(r.monthlyPay)}/tháng; đóng ${mode.months} tháng/lần: ${formatMoney(r.totalPay)} (tổng ${formatNumber(r.totalPremium)}, trừ hỗ trợ ${formatNumber(r.totalSubsidy)}).`,
      sms: `- Anh/chị đóng ${formatNumber(r.monthlyPay)}/tháng; ${mode.months} tháng/lần: ${formatMoney(r.totalPay)}.`,
    };
  }
  const d = r.discount;
  const rate = formatPercent(mode.discountRatePerMonth);
  const undiscounted = d ? formatNumber(d.undiscountedPay) : '';
  return {
    text: `- Anh/chị đóng ${formatMoney(r.monthlyPay)}/tháng; đóng trước ${mode.years} năm (${r.months} tháng) một lần: ${formatMoney(r.totalPay)}, đã chiết khấu theo lãi suất đầu tư bình quân của quỹ ${rate}/tháng (chưa chiết khấu: ${undiscounted}).`,
    sms: `- Anh/chị đóng ${formatNumber(r.monthlyPay)}/tháng; trước ${mode.years} năm (${r.months} tháng) một lần: ${formatMoney(r.totalPay)}, đã chiết khấu ${rate}/tháng (lãi suất quỹ).`,
  };
}

function premiumReply(ctx: FlowContext, r: Extract<PremiumResult, { ok: true }>): Reply {
  const p = r.period;
  const group = GROUP_LABELS[r.group];
  const subsidyPct = formatPercent(r.subsidyRate);
  const lines: Line[] = [
    { text: `Thu nhập ${formatMoney(r.income)}/tháng, nhóm ${group}:` },
    { text: `- Mức đóng ${formatPercent(p.rate)}: ${formatMoney(r.monthlyPremium)}/tháng.` },
    {
      text: `- Nhà nước hỗ trợ ${subsidyPct} x ${formatPercent(p.rate)} x ${formatNumber(p.ruralPovertyLine)} (chuẩn nghèo nông thôn) = ${formatMoney(r.monthlySubsidy)}/tháng, tối đa ${p.subsidyMaxMonths} tháng (10 năm).`,
      sms: `- Nhà nước hỗ trợ ${subsidyPct}: ${formatNumber(r.monthlySubsidy)}/tháng, tối đa ${p.subsidyMaxMonths} tháng.`,
    },
    modeLine(r),
  ];
  if (r.groupNotInRules) lines.push({ text: `(Thời điểm này chưa có nhóm "${group}" riêng: tính như nhóm Khác.)` });
  if (r.warning) lines.push({ text: `Lưu ý: ${RULES_WARNING_TEXT[r.warning]}.` });
  if (p.provisional) lines.push(provisionalLine(p.provisional));
  lines.push({ text: `Căn cứ: ${p.source}.`, sms: `Căn cứ: ${shortSource(p.source)}.` });
  lines.push({ text: 'Tỉnh, thành phố có thể hỗ trợ thêm: hỏi BHXH nơi anh/chị ở.', optional: true });
  lines.push({ text: `Số liệu để tham khảo; số chính xác do cơ quan BHXH tính. Tổng đài ${ctx.campaign.hotline}.`, optional: true });
  return reply(ctx, lines, AFTER_PREMIUM_OPTIONS);
}

function showPremium(ctx: FlowContext, income: number, group: SubsidyGroup, mode: PaymentMode): StepOutcome {
  const r = premium(income, ctx.now, group, mode);
  // The income was checked when it was given; the rules may have changed since (a long pause across 1 January).
  if (!r.ok) return stay('income', {}, reply(ctx, refusal(ctx, r)));
  return stay('after', { income, group }, premiumReply(ctx, r));
}

function askSex(ctx: FlowContext, intro = true): StepOutcome {
  const text = intro ? 'Ước tính lương hưu. Anh/chị là nữ hay nam?' : 'Chưa rõ. Anh/chị là nữ hay nam? Gửi 1 (Nữ) hoặc 2 (Nam).';
  return stay('sex', {}, reply(ctx, [{ text }], SEX_OPTIONS));
}

function sexName(sex: Sex): string {
  return sex === 'female' ? 'nữ' : 'nam';
}

function rateRule(sex: Sex, years: number): string {
  if (sex === 'female') return 'nữ: 45% cho 15 năm, thêm 2% mỗi năm, tối đa 75%';
  if (years < 20) return 'nam đóng 15 đến dưới 20 năm: 40% cho 15 năm, thêm 1% mỗi năm';
  return 'nam: 45% cho 20 năm, thêm 2% mỗi năm, tối đa 75%';
}

function pensionReply(ctx: FlowContext, sex: Sex, years: number, income: number, e: PensionEstimate): Reply {
  const age = `${e.retirementAge.years} tuổi${e.retirementAge.months ? ` ${e.retirementAge.months} tháng` : ''}`;
  const year = ctx.now.getUTCFullYear();
  const lines: Line[] = [];
  if (e.eligible) {
    lines.push({
      text: `ƯỚC TÍNH lương hưu (${sexName(sex)}, ${years} năm đóng, thu nhập bình quân ${formatMoney(income)}):`,
      sms: `ƯỚC TÍNH lương hưu (${sexName(sex)}, ${years} năm, bình quân ${formatNumber(income)}):`,
    });
    lines.push({ text: `- Tỷ lệ hưởng ${e.ratePercent}% (${rateRule(sex, years)}).` });
    lines.push({ text: `- Lương hưu khoảng ${formatMoney(e.monthlyPension)}/tháng.` });
    if (e.extraYears > 0) {
      lines.push({
        text: `- Trợ cấp một lần khi nghỉ hưu: 0,5 tháng x ${e.extraYears} năm đóng trên ${fullRateYears(sex)} năm = ${formatMoney(e.oneOffAllowance)}.`,
      });
    }
    lines.push({
      text: 'Chỉ là ước tính: thu nhập bình quân còn được điều chỉnh theo chỉ số giá; số chính xác do cơ quan BHXH tính.',
      sms: 'Chỉ là ước tính; số chính xác do cơ quan BHXH tính.',
    });
  } else {
    lines.push({
      text: `Với ${years} năm đóng, anh/chị chưa đủ ${MIN_PENSION_YEARS} năm để có lương hưu (thiếu ${e.missingYears} năm).`,
    });
    lines.push({ text: `Anh/chị có thể đóng tiếp cho đủ ${MIN_PENSION_YEARS} năm.` });
    lines.push({
      text: e.canPayMissingAtOnce
        ? `Khi đủ tuổi nghỉ hưu mà còn thiếu không quá ${MAX_MISSING_YEARS_AT_ONCE} năm, được đóng một lần cho số năm còn thiếu để hưởng lương hưu.`
        : `Khi đủ tuổi nghỉ hưu chỉ được đóng một lần nếu thiếu không quá ${MAX_MISSING_YEARS_AT_ONCE} năm: hãy đóng tiếp đến khi còn thiếu từ ${MAX_MISSING_YEARS_AT_ONCE} năm trở xuống.`,
    });
    lines.push({ text: 'Đủ tuổi nghỉ hưu mà không đóng tiếp thì có thể nhận BHXH một lần.' });
  }
  lines.push({ text: `Tuổi nghỉ hưu năm ${year}: ${sexName(sex)} ${age}.`, optional: true });
  lines.push({ text: `Căn cứ: ${e.source}.` });
  lines.push({ text: `Hỏi thêm: tổng đài ${ctx.campaign.hotline}.`, optional: true });
  return reply(ctx, lines, AFTER_PENSION_OPTIONS);
}

function readNumber(state: FlowState, key: string): number | null {
  const v = state[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function readGroup(state: FlowState): SubsidyGroup | null {
  const v = state['group'];
  return typeof v === 'string' && (SUBSIDY_GROUPS as readonly string[]).includes(v) ? (v as SubsidyGroup) : null;
}

function readSex(state: FlowState): Sex | null {
  const v = state['sex'];
  return v === 'female' || v === 'male' ? v : null;
}

function isStep(step: string): step is Step {
  return ['income', 'group', 'mode', 'years', 'after', 'sex', 'pensionYears', 'pensionIncome', 'afterPension'].includes(step);
}

/** Create the calculator flow. The discount rate for years-ahead payments is configuration, stated in replies. */
export function createCalculatorFlow(opts: CalculatorOptions): Flow {
  const r = opts.discountRatePerMonth;
  if (!Number.isFinite(r) || r < 0 || r >= 1) throw new RangeError(`discountRatePerMonth must be in [0, 1), got ${r}`);
  const menuFlowId = opts.menuFlowId ?? 'menu';

  function startPremium(ctx: FlowContext): StepOutcome {
    // A bare number counts only when the message is just the command and the number ("tinh 3"); in free text
    // bare numbers are years and ages ("bhxh 2020 dong bao nhieu").
    // A menu handing over its option number ("3") is not an amount: the command word must be there.
    const bareOnly = /^(?:may tinh|tinh toan|tinh tien dong|tinh tien|tinh muc dong|tinh) \d+(?: \d+)?$/.test(ctx.folded);
    const income = parseMoney(ctx.text, { bare: bareOnly ? 'income' : 'none' });
    if (income !== null) return acceptIncome(ctx, income);
    return askIncome(ctx, {}, 'Tính tiền đóng BHXH tự nguyện.');
  }

  function onIncome(ctx: FlowContext): StepOutcome {
    if (wantsPension(ctx.folded)) return askSex(ctx);
    const income = parseMoney(ctx.text, { bare: 'income' });
    if (income === null) {
      return stay('income', {}, reply(ctx, [{ text: `Chưa hiểu số tiền. Hãy gửi mức thu nhập một tháng. ${incomeExample()}` }]));
    }
    return acceptIncome(ctx, income);
  }

  function onGroup(ctx: FlowContext, state: FlowState): StepOutcome {
    const income = readNumber(state, 'income');
    if (income === null) return askIncome(ctx, {});
    const group = pickGroup(parseGroups(ctx.folded), rulesAt(ctx.now).period.subsidyRates);
    if (group !== null) return askMode(ctx, { income, group });
    const newIncome = parseMoney(ctx.text, { bare: 'none' });
    if (newIncome !== null) return acceptIncome(ctx, newIncome);
    return stay(
      'group',
      state,
      reply(ctx, [{ text: 'Chưa rõ nhóm của anh/chị. Chọn một số trong danh sách, ví dụ: 5 (Khác) nếu không thuộc nhóm nào.' }], GROUP_OPTIONS),
    );
  }

  function onMode(ctx: FlowContext, state: FlowState): StepOutcome {
    const income = readNumber(state, 'income');
    const group = readGroup(state);
    if (income === null || group === null) return askIncome(ctx, {});
    const mode = parseMode(ctx.folded);
    if (mode === null) return askMode(ctx, state, 'Chưa rõ cách đóng. Ví dụ: 12 tháng, hoặc 5 nếu đóng trước nhiều năm.');
    if (mode.kind === 'askYears') return askYears(ctx, state);
    if (mode.kind === 'years') return onYearsValue(ctx, state, income, group, mode.years);
    return showPremium(ctx, income, group, mode);
  }

  function onYearsValue(ctx: FlowContext, state: FlowState, income: number, group: SubsidyGroup, years: number): StepOutcome {
    if (!Number.isInteger(years) || years < 1 || years > MAX_YEARS_AHEAD) {
      return askYears(ctx, state, `Chỉ được đóng trước tối đa ${MAX_YEARS_AHEAD} năm một lần.`);
    }
    return showPremium(ctx, income, group, { kind: 'yearsAhead', years, discountRatePerMonth: r });
  }

  function onYears(ctx: FlowContext, state: FlowState): StepOutcome {
    const income = readNumber(state, 'income');
    const group = readGroup(state);
    if (income === null || group === null) return askIncome(ctx, {});
    const years = parseYearsAhead(ctx.folded);
    if (years === null) return askYears(ctx, state, 'Chưa hiểu số năm.');
    return onYearsValue(ctx, state, income, group, years);
  }

  function onAfter(ctx: FlowContext, options: readonly string[], pensionFirst: boolean): StepOutcome {
    const picked = pickChoice(ctx, options);
    if (picked === 0) return pensionFirst ? askSex(ctx) : askIncome(ctx, {});
    if (picked === 1) return goto(menuFlowId);
    if (wantsPension(ctx.folded)) return askSex(ctx);
    if (/^(?:tinh lai|tinh tiep|lai|tinh tien dong|tinh)$/.test(ctx.folded)) return askIncome(ctx, {});
    const income = parseMoney(ctx.text, { bare: /^[\d ]+$/.test(ctx.folded) ? 'income' : 'none' });
    if (income !== null) return acceptIncome(ctx, income);
    // Anything else is a new question: the menu hands free text on to the answers.
    return goto(menuFlowId);
  }

  function onSex(ctx: FlowContext): StepOutcome {
    const sex = parseSex(ctx.folded);
    if (sex === null) return askSex(ctx, false);
    return stay(
      'pensionYears',
      { sex },
      reply(ctx, [{ text: 'Anh/chị đã (hoặc sẽ) đóng BHXH tổng cộng bao nhiêu năm? Gửi số năm, ví dụ: 20.' }]),
    );
  }

  function onPensionYears(ctx: FlowContext, state: FlowState): StepOutcome {
    const sex = readSex(state);
    if (sex === null) return askSex(ctx);
    const years = parsePensionYears(ctx.folded);
    if (years === null) {
      return stay('pensionYears', state, reply(ctx, [{ text: 'Chưa hiểu số năm. Gửi số năm đã đóng (0 đến 60), ví dụ: 20.' }]));
    }
    return stay(
      'pensionIncome',
      { sex, years },
      reply(ctx, [{ text: `Thu nhập tháng bình quân trong ${years} năm đóng là bao nhiêu? ${incomeExample()}` }]),
    );
  }

  function onPensionIncome(ctx: FlowContext, state: FlowState): StepOutcome {
    const sex = readSex(state);
    const years = readNumber(state, 'years');
    if (sex === null || years === null) return askSex(ctx);
    const income = parseMoney(ctx.text, { bare: 'income' });
    if (income === null || income < 100_000 || income > 1_000_000_000) {
      return stay('pensionIncome', state, reply(ctx, [{ text: `Chưa hiểu số tiền. Gửi thu nhập tháng bình quân. ${incomeExample()}` }]));
    }
    const e = pensionEstimate({ sex, yearsPaid: years, averageIncome: income, date: ctx.now });
    return stay('afterPension', { sex, years, income }, pensionReply(ctx, sex, years, income, e));
  }

  return {
    id: CALCULATOR_FLOW_ID,
    version: 1,
    command: (ctx) => calculatorCommand(ctx.folded),
    start(ctx) {
      if (wantsPension(ctx.folded)) return askSex(ctx);
      return startPremium(ctx);
    },
    resume(ctx, step, state) {
      if (!isStep(step)) return startPremium(ctx);
      switch (step) {
        case 'income':
          return onIncome(ctx);
        case 'group':
          return onGroup(ctx, state);
        case 'mode':
          return onMode(ctx, state);
        case 'years':
          return onYears(ctx, state);
        case 'after':
          return onAfter(ctx, AFTER_PREMIUM_OPTIONS, true);
        case 'sex':
          return onSex(ctx);
        case 'pensionYears':
          return onPensionYears(ctx, state);
        case 'pensionIncome':
          return onPensionIncome(ctx, state);
        case 'afterPension':
          return onAfter(ctx, AFTER_PENSION_OPTIONS, false);
      }
    },
  };
}
