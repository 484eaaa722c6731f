/* svg.c - the charts: the Pareto chart (排列图) and the fishbone
 * diagram (因果图), as SVG documents with Chinese labels
 *
 * Every coordinate is a whole pixel computed in integers, so a chart is
 * the same bytes on every machine.  Text widths are estimated from the
 * display width (a CJK character two columns, about one em). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "internal.h"

#define FONTS "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', " \
	"'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

#define COLOR_VITAL "#d9534f"
#define COLOR_OTHER "#4e79a7"
#define COLOR_LINE "#333333"

/* Pixels of s at size px: 0.55 em a column. */
static int
text_px(const char *s, int size)
{
	return (int)(pm_utf8_width(s, strlen(s)) * (size_t)size * 55 / 100);
}

/* s cut to at most px pixels at size, with "…" when cut. */
static int
fit(struct pm_buf *b, const char *s, int px, int size)
{
	const char *p = s, *end = s + strlen(s);
	int cols = 0, max = px * 100 / (size * 55);

	pm_buf_reset(b);
	if (text_px(s, size) <= px)
		return pm_buf_adds(b, s);
	while (p < end) {
		const char *q = p;
		int32_t c = pm_utf8_next(&q, end);
		int w = c < 0 ? 1 : pm_char_width(c);

		if (cols + w > max - 2)
			break;
		if (pm_buf_add(b, p, (size_t)(q - p)) < 0)
			return -1;
		cols += w;
		p = q;
	}
	return pm_buf_adds(b, "\xE2\x80\xA6");  /* … */
}

static int
text(struct pm_buf *b, int x, int y, const char *anchor, const char *attrs, const char *s)
{
	if (pm_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s%s>", x, y, anchor,
	    attrs ? " " : "", attrs ? attrs : "") < 0 || sv_xml_escape(b, s) < 0)
		return -1;
	return pm_buf_adds(b, "</text>\n");
}

static int
head(struct pm_buf *b, int w, int h, const char *title)
{
	if (pm_buf_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
	    " viewBox=\"0 0 %d %d\" font-family=\"%s\" font-size=\"13\">\n<title>", w, h, w, h,
	    FONTS) < 0 || sv_xml_escape(b, title) < 0 ||
	    pm_buf_addf(b, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h) < 0)
		return -1;
	return text(b, w / 2, 30, "middle", "font-size=\"18\" font-weight=\"bold\"", title);
}

/* 1, 2 or 5 times a power of ten, so that max / step <= 10. */
static int64_t
nice_step(int64_t max)
{
	int64_t p = 1;

	for (;;) {
		if (max <= 10 * p)
			return p;
		if (max <= 20 * p)
			return 2 * p;
		if (max <= 50 * p)
			return 5 * p;
		p *= 10;
	}
}

static char *
pct(int64_t v10, char buf[24])
{
	snprintf(buf, 24, "%lld.%lld%%", (long long)(v10 / 10), (long long)(v10 % 10));
	return buf;
}

int
pm_survey_pareto_svg(const struct pm_survey_pareto *p, const char *title, struct pm_buf *b)
{
	const int L = 80, R = 80, T = 80, B = 100, PH = 280;
	struct pm_buf s = PM_BUF_INIT;
	int slot = 80, PW, W, H, y0, i, n = (int)p->n, rc = -1;
	int64_t v, step;
	char nb[24];

	for (i = 0; i < n; i++)
		if (text_px(p->rows[i].label, 13) + 16 > slot)
			slot = text_px(p->rows[i].label, 13) + 16;
	PW = n ? n * slot : 320;
	W = L + PW + R;
	if (W < 560)
		W = 560;
	H = T + PH + B;
	y0 = T + PH;
	if (head(b, W, H, title) < 0)
		goto out;
	/* the vital few, in words */
	pm_buf_reset(&s);
	for (i = 0; i < n && p->rows[i].vital; i++)
		pm_buf_addf(&s, "%s%s", i ? "、" : "", p->rows[i].label);
	if (n) {
		struct pm_buf sub = PM_BUF_INIT;

		pm_buf_addf(&sub, _("%lld problems; vital few: %s (%s)"), (long long)p->total,
		    pm_buf_str(&s), pct(p->rows[i ? i - 1 : 0].cum10, nb));
		rc = text(b, W / 2, 54, "middle", "font-size=\"13\" fill=\"#555555\"", pm_buf_str(&sub));
		pm_buf_free(&sub);
		if (rc < 0)
			goto out;
		rc = -1;
	}
	/* grid at every 20% and the right-hand axis */
	for (v = 0; v <= 100; v += 20) {
		int y = y0 - (int)(v * PH / 100);

		snprintf(nb, sizeof nb, "%lld%%", (long long)v);
		if (pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e5e5\"/>\n",
		    L, y, L + PW, y) < 0 || text(b, L + PW + 8, y + 4, "start", NULL, nb) < 0)
			goto out;
	}
	/* the left-hand axis counts problems, up to the total: its top is 100% */
	step = nice_step(p->total > 0 ? p->total : 1);
	for (v = 0; p->total > 0 && v <= p->total; v += step) {
		int y = y0 - (int)(v * PH / p->total);

		snprintf(nb, sizeof nb, "%lld", (long long)v);
		if (text(b, L - 8, y + 4, "end", NULL, nb) < 0 ||
		    pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n",
			L - 4, y, L, y, COLOR_LINE) < 0)
			goto out;
	}
	if (pm_buf_addf(b, "<path d=\"M%d %dV%dH%dV%d\" fill=\"none\" stroke=\"%s\"/>\n",
	    L, T, y0, L + PW, T, COLOR_LINE) < 0)
		goto out;
	if (pm_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\">",
	    L - 50, T + PH / 2, L - 50, T + PH / 2) < 0 || sv_xml_escape(b, _("Problems")) < 0 ||
	    pm_buf_adds(b, "</text>\n") < 0 ||
	    pm_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(90 %d %d)\">",
	    L + PW + 55, T + PH / 2, L + PW + 55, T + PH / 2) < 0 ||
	    sv_xml_escape(b, _("Cumulative %")) < 0 || pm_buf_adds(b, "</text>\n") < 0)
		goto out;
	if (!n) {
		if (text(b, L + PW / 2, T + PH / 2, "middle", "fill=\"#555555\"", _("no problems")) < 0)
			goto out;
	}
	/* bars */
	for (i = 0; i < n; i++) {
		const struct pm_survey_pareto_row *r = &p->rows[i];
		int x = L + i * slot + slot / 8, w = slot * 3 / 4;
		int h = (int)(r->count * PH / p->total), cx = L + i * slot + slot / 2;

		snprintf(nb, sizeof nb, "%lld", (long long)r->count);
		if (pm_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
		    x, y0 - h, w, h, r->vital ? COLOR_VITAL : COLOR_OTHER) < 0 ||
		    text(b, cx, y0 - h - 5, "middle", "fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"3\"", nb) < 0 ||
		    text(b, cx, y0 - h - 5, "middle", NULL, nb) < 0 ||
		    text(b, cx, y0 + 20, "middle", NULL, r->label) < 0 ||
		    text(b, cx, y0 + 38, "middle", "font-size=\"11\" fill=\"#555555\"", pct(r->share10, nb)) < 0)
			goto out;
	}
	/* the 80% line */
	if (pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
	    " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n", L, y0 - 80 * PH / 100, L + PW,
	    y0 - 80 * PH / 100, COLOR_VITAL) < 0 ||
	    text(b, L + 6, y0 - 80 * PH / 100 - 6, "start", "font-size=\"11\" fill=\"" COLOR_VITAL "\"",
		"80%") < 0)
		goto out;
	/* the cumulative line, from the origin to 100% at the last bar's edge */
	if (n) {
		if (pm_buf_addf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%d,%d",
		    COLOR_LINE, L, y0) < 0)
			goto out;
		for (i = 0; i < n; i++)
			if (pm_buf_addf(b, " %d,%d", L + (i + 1) * slot,
			    y0 - (int)(p->rows[i].cum10 * PH / 1000)) < 0)
				goto out;
		if (pm_buf_adds(b, "\"/>\n") < 0)
			goto out;
		for (i = 0; i < n; i++) {
			int x = L + (i + 1) * slot, y = y0 - (int)(p->rows[i].cum10 * PH / 1000);

			if (pm_buf_addf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>\n", x, y,
			    COLOR_LINE) < 0 ||
			    text(b, x, y - 10, "middle", "font-size=\"11\"", pct(p->rows[i].cum10, nb)) < 0)
				goto out;
		}
	}
	/* legend */
	if (pm_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
	    L, H - 28, COLOR_VITAL) < 0 ||
	    text(b, L + 18, H - 18, "start", NULL, _("vital few (to 80%)")) < 0 ||
	    pm_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
	    L + 200, H - 28, COLOR_OTHER) < 0 ||
	    text(b, L + 218, H - 18, "start", NULL, _("the rest")) < 0 ||
	    pm_buf_adds(b, "</svg>\n") < 0)
		goto out;
	rc = 0;
out:
	pm_buf_free(&s);
	return rc;
}

/* One bone of the fishbone: from the spine at (xe, ys) out to the class
 * label, up (dir -1) or down (dir 1), with the specific causes branching
 * off it. */
static int
bone(struct pm_buf *b, const struct pm_survey_cause *c, int ci, int xe, int ys, int dir,
     int len, int room, int rowh)
{
	struct pm_buf t = PM_BUF_INIT;
	int xo = xe - len / 2, yo = ys + dir * len;
	char label[64];
	size_t j;
	int rc = -1;

	char cn[PM_SURVEY_CAUSE_BUFSZ];

	snprintf(label, sizeof label, "%s (%lld)", pm_survey_cause_name(ci, cn), (long long)c->count);
	if (pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
	    " stroke-width=\"2\"/>\n", xe, ys, xo, yo, COLOR_LINE) < 0 ||
	    pm_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" rx=\"4\""
	    " fill=\"#eef3fa\" stroke=\"%s\"/>\n", xo - text_px(label, 14) / 2 - 10,
	    dir < 0 ? yo - 28 : yo + 4, text_px(label, 14) + 20, COLOR_OTHER) < 0 ||
	    text(b, xo, dir < 0 ? yo - 11 : yo + 21, "middle", "font-size=\"14\" font-weight=\"bold\"",
		label) < 0)
		goto out;
	for (j = 0; j < c->n; j++) {
		/* from the outer end towards the spine */
		int y = yo - dir * ((int)(j + 1) * rowh + 4);
		int xb = xe - (dir < 0 ? ys - y : y - ys) / 2;
		char n[32];
		int w;

		snprintf(n, sizeof n, " (%lld)", (long long)c->details[j].count);
		if (fit(&t, c->details[j].detail, room - text_px(n, 12), 12) < 0 ||
		    pm_buf_adds(&t, n) < 0)
			goto out;
		w = text_px(pm_buf_str(&t), 12);
		if (pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888888\"/>\n",
		    xb - w - 8, y, xb, y) < 0 ||
		    text(b, xb - 6, y - 3, "end", "font-size=\"12\"", pm_buf_str(&t)) < 0)
			goto out;
	}
	rc = 0;
out:
	pm_buf_free(&t);
	return rc;
}

int
pm_survey_fishbone_svg(const struct pm_survey_effect *e, const char *title, struct pm_buf *b)
{
	const int rowh = 22, T = 70;
	int maxtop = 1, maxbot = 1, maxw = 0, S, lt, lb, len, x0, ys, xh, headw, W, H, i;
	char label[64];
	size_t j;

	for (i = 0; i < PM_SURVEY_NCAUSES; i++) {
		int n = (int)e->causes[i].n;

		if (i < 3 && n > maxtop)
			maxtop = n;
		if (i >= 3 && n > maxbot)
			maxbot = n;
		for (j = 0; j < e->causes[i].n; j++) {
			int w = text_px(e->causes[i].details[j].detail, 12) + text_px(" (999)", 12);

			if (w > maxw)
				maxw = w;
		}
	}
	S = maxw + 60;
	if (S < 220)
		S = 220;
	if (S > 340)
		S = 340;
	lt = (maxtop + 1) * rowh + 20;
	lb = (maxbot + 1) * rowh + 20;
	len = lt > lb ? lt : lb;
	x0 = len / 2 + S - 20;
	ys = T + 40 + lt;
	snprintf(label, sizeof label, _("%lld problems"), (long long)e->count);
	headw = text_px(e->label, 18) + 40;
	if (headw < text_px(label, 13) + 30)
		headw = text_px(label, 13) + 30;
	if (headw < 140)
		headw = 140;
	xh = x0 + 2 * S + 60;
	W = xh + headw + 30;
	H = ys + lb + 50;
	if (head(b, W, H, title) < 0)
		return -1;
	/* the spine and the head: the effect */
	if (pm_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
	    " stroke-width=\"3\"/>\n", x0 - len / 2 - 10, ys, xh, ys, COLOR_LINE) < 0 ||
	    pm_buf_addf(b, "<path d=\"M%d %dL%d %dL%d %dZ\" fill=\"%s\"/>\n", xh - 12, ys - 7, xh,
	    ys, xh - 12, ys + 7, COLOR_LINE) < 0 ||
	    pm_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"64\" rx=\"6\""
	    " fill=\"#fbeaea\" stroke=\"%s\" stroke-width=\"2\"/>\n", xh, ys - 32, headw,
	    COLOR_VITAL) < 0 ||
	    text(b, xh + headw / 2, ys - 4, "middle", "font-size=\"18\" font-weight=\"bold\"",
		e->label) < 0 ||
	    text(b, xh + headw / 2, ys + 18, "middle", "font-size=\"13\"", label) < 0)
		return -1;
	/* 人 机 料 above, 法 环 below */
	for (i = 0; i < PM_SURVEY_NCAUSES; i++) {
		int top = i < 3, xe = top ? x0 + i * S : x0 + S / 2 + (i - 3) * S;

		if (bone(b, &e->causes[i], i, xe, ys, top ? -1 : 1, top ? lt : lb, S - 50, rowh) < 0)
			return -1;
	}
	return pm_buf_adds(b, "</svg>\n");
}
