// wire.mjs - protocol 2 for the JavaScript adapters (docs/adapter-protocol.md), used by abp.mjs: a synchronous line reader on
// stdin, exact hex-float text (JavaScript has no hex-float parser), and the serve loop that answers
// framed accuracy requests until the end of stdin. Perf stays protocol 1 (adapter.mjs's timing loop).
import { readSync } from 'node:fs';

// ---------------------------------------------------------------- lines from fd 0, no read-ahead past what arrived
export class LineReader {
    constructor() {
        this.buf = Buffer.alloc(1 << 16);
        this.pending = '';
        this.lines = [];
        this.pos = 0;
        this.eof = false;
    }

    // The next line without its '\n', or null at end of input.
    next() {
        while (this.pos === this.lines.length) {
            if (this.eof) {
                if (this.pending === '') return null;
                const last = this.pending;
                this.pending = '';
                return last;
            }
            let n;
            try {
                n = readSync(0, this.buf, 0, this.buf.length, null);
            } catch (e) {
                if (e.code === 'EAGAIN') continue; // a non-blocking stdin: try again
                if (e.code === 'EOF') n = 0; else throw e;
            }
            if (n === 0) { this.eof = true; continue; }
            const parts = (this.pending + this.buf.toString('latin1', 0, n)).split('\n');
            this.pending = parts.pop();
            this.lines = parts;
            this.pos = 0;
        }
        return this.lines[this.pos++];
    }
}

// ---------------------------------------------------------------- hex floats
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[0] low word, u32[1] high word

// [-]0x1.<hex>p<+-e> (normal), [-]0x0.<hex>p-1022 (subnormal), [-]0x0p+0 (zero); nan, inf, -inf.
export function formatHex(x) {
    if (Number.isNaN(x)) return 'nan';
    if (x === Infinity) return 'inf';
    if (x === -Infinity) return '-inf';
    f64[0] = x;
    const hi = u32[1];
    const lo = u32[0];
    const sign = hi >>> 31 ? '-' : '';
    const expField = (hi >>> 20) & 0x7ff;
    const frac = ((hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0')).replace(/0+$/, '');
    let lead;
    let e;
    if (expField === 0) { lead = '0'; e = frac === '' ? 0 : -1022; } else { lead = '1'; e = expField - 1023; }
    return `${sign}0x${lead}${frac === '' ? '' : '.' + frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;

// Exact for every value of at most 53 significant bits, i.e. every double as formatHex or C's %a
// writes it; more digits than that are refused rather than rounded twice.
export function parseHex(s) {
    const l = s.toLowerCase();
    if (l === 'nan' || l === '+nan' || l === '-nan') return NaN;
    if (l === 'inf' || l === '+inf' || l === 'infinity' || l === '+infinity') return Infinity;
    if (l === '-inf' || l === '-infinity') return -Infinity;
    const m = HEX.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`unparsable hex float "${s}"`);
    const fracDigits = m[3] ?? '';
    const digits = (m[2] + fracDigits).replace(/^0+/, '');
    const negative = m[1] === '-';
    if (digits === '') return negative ? -0 : 0;
    const significant = digits.replace(/0+$/, '');
    let shift = 4 * (digits.length - significant.length) - 4 * fracDigits.length + Number(m[4] ?? 0);
    if (significant.length > 14 || (significant.length === 14 && significant[0] !== '1')) {
        throw new Error(`hex float "${s}" has more than 53 significant bits`);
    }
    let value = parseInt(significant, 16); // exact: < 2^53
    // Two steps at most: an exact one that stays normal, then one rounding into the subnormal range.
    if (shift < -1022) {
        value *= 2 ** -1022;
        shift += 1022;
    }
    while (shift > 1023) {
        value *= 2 ** 1023;
        shift -= 1023;
    }
    value *= 2 ** shift;
    return negative ? -value : value;
}

export function parseDecimal(s) {
    const l = s.toLowerCase();
    if (l === 'nan' || l === '+nan' || l === '-nan') return NaN;
    if (l === 'inf' || l === '+inf' || l === 'infinity' || l === '+infinity') return Infinity;
    if (l === '-inf' || l === '-infinity') return -Infinity;
    const v = Number(s);
    if (s.length === 0 || Number.isNaN(v)) throw new Error(`unparsable number "${s}"`);
    return v;
}

function formatDecimal(x) {
    if (Number.isNaN(x)) return 'nan';
    if (x === Infinity) return 'inf';
    if (x === -Infinity) return '-inf';
    return String(x);
}

// ---------------------------------------------------------------- the v2 loop
function status(kind, reason) {
    return `ABP 2\nstatus ${kind}\nreason ${String(reason).replace(/\s+/g, ' ')}\nend\n`;
}

// One request after its magic line: the whole request is read (so the stream stays in step), then answered.
function answer(reader, experiments) {
    const header = {};
    for (;;) {
        const line = reader.next();
        if (line === null) throw new Error('input ended inside a request header');
        const t = line.trim();
        if (t === '') continue;
        const sp = t.indexOf(' ');
        const key = sp < 0 ? t : t.slice(0, sp);
        if (key === 'end') throw new Error("'end' before 'cases'");
        header[key] = sp < 0 ? '' : t.slice(sp + 1).trim();
        if (key === 'cases') break;
    }
    const nCases = Number(header.cases);
    if (!Number.isInteger(nCases) || nCases < 0) throw new Error(`bad cases ${header.cases}`);
    const texts = [];
    for (let r = 0; r < nCases; r++) {
        const line = reader.next();
        if (line === null || line.trim() === 'end') throw new Error(`expected ${nCases} cases, got ${r}`);
        texts.push(line);
    }
    if ((reader.next() ?? '').trim() !== 'end') throw new Error('missing end');

    const name = header.experiment;
    const exp = experiments[name];
    if (!exp) return status('error', `unknown experiment ${name}`);
    if (exp.skip) return status('skipped', exp.skip);
    if ((header.mode || 'accuracy') !== 'accuracy') return status('error', 'protocol 2 serves accuracy requests only (perf: one ABP 1 process per call)');
    const encoding = header.encoding || 'decimal';
    if (encoding !== 'hex' && encoding !== 'decimal') return status('error', `unknown encoding ${encoding}`);
    if (Number(header.columns) !== exp.nIn) return status('error', `${name} needs ${exp.nIn} input columns, got ${header.columns}`);
    const parse = encoding === 'hex' ? parseHex : parseDecimal;
    const format = encoding === 'hex' ? formatHex : formatDecimal;
    const out = new Float64Array(exp.nOut);
    const body = ['ABP 2', 'status ok', `encoding ${encoding}`, `columns ${exp.nOut}`, `cases ${nCases}`];
    for (let r = 0; r < nCases; r++) {
        const parts = texts[r].trim().split(/\s+/);
        if (parts.length !== exp.nIn) return status('error', `row ${r + 1} has ${parts.length} numbers, expected ${exp.nIn}`);
        let row;
        try {
            row = Float64Array.from(parts, parse);
        } catch (e) {
            return status('error', String(e.message || e));
        }
        try {
            exp.compute(row, out);
        } catch {
            out.fill(NaN); // the library threw for this input, as in protocol 1
        }
        body.push(Array.from(out, format).join(' '));
    }
    body.push('end');
    return body.join('\n') + '\n';
}

// Serves requests until the end of stdin; its first magic line has been read. Returns the exit code.
export function serve(reader, experiments, write) {
    for (;;) {
        try {
            write(answer(reader, experiments));
        } catch (e) {
            // A malformed request leaves the stream out of step: answer it, then end the session.
            write(status('error', `bad request: ${e.message || e}`));
            return 2;
        }
        let line = reader.next();
        while (line !== null && line.trim() === '') line = reader.next();
        if (line === null) return 0;
        if (line.trim() !== 'ABP 2') {
            write(status('error', "bad magic line, expected 'ABP 2'"));
            return 2;
        }
    }
}
