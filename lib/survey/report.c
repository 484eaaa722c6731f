/* report.c - the quarterly summary analysis for head office and the
 * annual review, in Markdown or HTML, charts included
 *
 * Every table is written from the same rows that score and pareto print
 * (sv_response_row, sv_item_row, sv_bld_row, sv_pareto_row), through the
 * same number formatting, so the report cannot disagree with them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/settings.h"
#include "internal.h"

struct doc {
	enum pm_survey_doc kind;
	struct pm_buf *b;
	int failed;
	int figure;          /* charts so far, for alt texts */
};

static void
add(struct doc *d, const char *s)
{
	if (!d->failed && pm_buf_adds(d->b, s) < 0)
		d->failed = 1;
}

static void
addf(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
addf(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		d->failed = 1;
		return;
	}
	add(d, s);
	free(s);
}

/* Text as it may stand in the document: escaped for HTML; for Markdown
 * with '|', '\', '<', '*', '_' and '`' escaped and line breaks made
 * spaces. */
static void
esc(struct doc *d, const char *s)
{
	if (d->kind == PM_SURVEY_HTML) {
		if (!d->failed && sv_xml_escape(d->b, s) < 0)
			d->failed = 1;
		return;
	}
	for (; *s && !d->failed; s++) {
		if (*s == '\n' || *s == '\r')
			add(d, " ");
		else if (strchr("|\\<*_`[]#", *s)) {
			char e[3] = {'\\', *s, 0};

			add(d, e);
		} else if (pm_buf_addc(d->b, *s) < 0)
			d->failed = 1;
	}
}

static void
heading(struct doc *d, int level, const char *s)
{
	if (d->kind == PM_SURVEY_HTML) {
		addf(d, "<h%d>", level);
		esc(d, s);
		addf(d, "</h%d>\n", level);
	} else {
		addf(d, "%.*s ", level, "######");
		esc(d, s);
		add(d, "\n\n");
	}
}

static void
para(struct doc *d, const char *s)
{
	add(d, d->kind == PM_SURVEY_HTML ? "<p>" : "");
	esc(d, s);
	add(d, d->kind == PM_SURVEY_HTML ? "</p>\n" : "\n\n");
}

static int
numeric(const struct pm_col *c)
{
	return c->type == PM_COL_INT || c->type == PM_COL_DEC || c->type == PM_COL_MONEY;
}

/* A table's header from cols[first..n). */
static void
table_begin(struct doc *d, const struct pm_col *cols, size_t first, size_t n)
{
	size_t i;

	if (d->kind == PM_SURVEY_HTML) {
		add(d, "<table>\n<thead><tr>");
		for (i = first; i < n; i++) {
			add(d, numeric(&cols[i]) ? "<th class=\"n\">" : "<th>");
			esc(d, _(cols[i].label));
			add(d, "</th>");
		}
		add(d, "</tr></thead>\n<tbody>\n");
		return;
	}
	add(d, "|");
	for (i = first; i < n; i++) {
		add(d, " ");
		esc(d, _(cols[i].label));
		add(d, " |");
	}
	add(d, "\n|");
	for (i = first; i < n; i++)
		add(d, numeric(&cols[i]) ? "---:|" : "---|");
	add(d, "\n");
}

/* A row: v[first..n), formatted as out.h formats them (DEC columns with
 * their decimals). */
static void
table_row(struct doc *d, const struct pm_col *cols, size_t first, size_t n, const char *const *v)
{
	char num[PM_DEC_BUFSZ];
	size_t i;

	add(d, d->kind == PM_SURVEY_HTML ? "<tr>" : "|");
	for (i = first; i < n; i++) {
		const char *s = v[i] ? v[i] : "";

		if (v[i] && cols[i].type == PM_COL_DEC)
			s = pm_dec_fmt(strtoll(v[i], NULL, 10), cols[i].scale, num);
		if (d->kind == PM_SURVEY_HTML) {
			add(d, numeric(&cols[i]) ? "<td class=\"n\">" : "<td>");
			esc(d, s);
			add(d, "</td>");
		} else {
			add(d, " ");
			esc(d, s);
			add(d, " |");
		}
	}
	add(d, d->kind == PM_SURVEY_HTML ? "</tr>\n" : "\n");
}

static void
table_end(struct doc *d)
{
	add(d, d->kind == PM_SURVEY_HTML ? "</tbody>\n</table>\n" : "\n");
}

static void
base64(struct doc *d, const char *s, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (d->failed || pm_buf_grow(d->b, n / 3 * 4 + 8) < 0) {
		d->failed = 1;
		return;
	}
	for (i = 0; i + 2 < n; i += 3) {
		char q[4] = {tab[p[i] >> 2], tab[((p[i] & 3) << 4) | (p[i + 1] >> 4)],
			     tab[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)], tab[p[i + 2] & 63]};

		pm_buf_add(d->b, q, 4);
	}
	if (n - i == 1) {
		char q[4] = {tab[p[i] >> 2], tab[(p[i] & 3) << 4], '=', '='};

		pm_buf_add(d->b, q, 4);
	} else if (n - i == 2) {
		char q[4] = {tab[p[i] >> 2], tab[((p[i] & 3) << 4) | (p[i + 1] >> 4)],
			     tab[(p[i + 1] & 15) << 2], '='};

		pm_buf_add(d->b, q, 4);
	}
}

/* A chart: inline in HTML; in Markdown an image with a data: URI, so the
 * report is one self-contained file. */
static void
chart(struct doc *d, const struct pm_buf *svg, const char *alt)
{
	if (d->kind == PM_SURVEY_HTML) {
		add(d, "<figure>\n");
		add(d, pm_buf_str(svg));
		add(d, "</figure>\n");
		return;
	}
	add(d, "![");
	esc(d, alt);
	add(d, "](data:image/svg+xml;base64,");
	base64(d, svg->s ? svg->s : "", svg->len);
	add(d, ")\n\n");
}

static int
estate(struct pm_db *db, char **name, struct pm_err *err)
{
	return pm_setting_get(db, "estate.name", name, err);
}

static void
begin_doc(struct doc *d, const char *title)
{
	if (d->kind == PM_SURVEY_HTML) {
		add(d, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
		esc(d, title);
		/* printed on A4 like every other document; a heading stays
		 * with what follows it, a chart or table is not split */
		add(d, "</title>\n<style>\n"
		    "@page { size: A4; margin: 15mm 12mm; }\n"
		    "body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei',"
		    " 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 0; }\n"
		    "h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
		    "table { border-collapse: collapse; margin: 1em 0; }\n"
		    "tr, figure, ul { break-inside: avoid; page-break-inside: avoid; }\n"
		    "th, td { border: 1px solid #bbb; padding: .25em .6em; }\n"
		    "th { background: #f0f0f0; }\n.n { text-align: right; }\n"
		    "figure { margin: 1em 0; }\nsvg { max-width: 100%; height: auto; }\n"
		    "@media screen { body { max-width: 210mm; margin: 2em auto; padding: 0 1em; } }\n"
		    "</style>\n</head>\n<body>\n<h1>");
		esc(d, title);
		add(d, "</h1>\n");
	} else {
		add(d, "# ");
		esc(d, title);
		add(d, "\n\n");
	}
}

static void
end_doc(struct doc *d)
{
	if (d->kind == PM_SURVEY_HTML)
		add(d, "</body>\n</html>\n");
}

static void
pareto_section(struct doc *d, const struct pm_survey_pareto *p, const char *title)
{
	struct pm_buf svg = PM_BUF_INIT, s = PM_BUF_INIT;
	char bufs[7][24];
	const char *v[7];
	size_t i;

	if (!p->n) {
		para(d, _("No problems were raised."));
		return;
	}
	if (pm_survey_pareto_svg(p, title, &svg) < 0)
		d->failed = 1;
	chart(d, &svg, title);
	/* pareto's columns less the key */
	{
		const struct pm_col cols[6] = {sv_pareto_cols[0], sv_pareto_cols[2], sv_pareto_cols[3],
			sv_pareto_cols[4], sv_pareto_cols[5], sv_pareto_cols[6]};

		table_begin(d, cols, 0, 6);
		for (i = 0; i < p->n; i++) {
			sv_pareto_row(&p->rows[i], i + 1, bufs, v);
			table_row(d, cols, 0, 6, (const char *const[]){v[0], v[2], v[3], v[4], v[5], v[6]});
		}
	}
	table_end(d);
	for (i = 0; i < p->n && p->rows[i].vital; i++)
		if (pm_buf_addf(&s, "%s%s", i ? "、" : "", p->rows[i].label) < 0)
			d->failed = 1;
	{
		struct pm_buf line = PM_BUF_INIT;
		char pc[PM_DEC_BUFSZ];

		if (pm_buf_addf(&line, _("The vital few: %s, %s%% of the %lld problems."),
		    pm_buf_str(&s), pm_dec_fmt(p->rows[i ? i - 1 : 0].cum10, 1, pc),
		    (long long)p->total) < 0)
			d->failed = 1;
		para(d, pm_buf_str(&line));
		pm_buf_free(&line);
	}
	pm_buf_free(&svg);
	pm_buf_free(&s);
}

static void
causes_section(struct doc *d, const struct pm_survey_causes *c, const char *scope)
{
	size_t i, k;
	int j;

	for (i = 0; i < c->n; i++) {
		const struct pm_survey_effect *e = &c->effects[i];
		struct pm_buf svg = PM_BUF_INIT;
		char title[256];

		snprintf(title, sizeof title, _("%s %s: cause and effect (%lld problems)"), scope,
		    e->label, (long long)e->count);
		heading(d, 3, title);
		if (pm_survey_fishbone_svg(e, title, &svg) < 0)
			d->failed = 1;
		chart(d, &svg, title);
		pm_buf_free(&svg);
		add(d, d->kind == PM_SURVEY_HTML ? "<ul>\n" : "");
		for (j = 0; j < PM_SURVEY_NCAUSES; j++) {
			const struct pm_survey_cause *ca = &e->causes[j];

			char cn[PM_SURVEY_CAUSE_BUFSZ];

			addf(d, d->kind == PM_SURVEY_HTML ? "<li>%s: %lld" : "- %s: %lld\n",
			    pm_survey_cause_name((int)j, cn), (long long)ca->count);
			if (ca->n)
				add(d, d->kind == PM_SURVEY_HTML ? "<ul>\n" : "");
			for (k = 0; k < ca->n; k++) {
				add(d, d->kind == PM_SURVEY_HTML ? "<li>" : "  - ");
				esc(d, ca->details[k].detail);
				addf(d, d->kind == PM_SURVEY_HTML ? ": %lld</li>\n" : ": %lld\n",
				    (long long)ca->details[k].count);
			}
			if (ca->n)
				add(d, d->kind == PM_SURVEY_HTML ? "</ul>\n" : "");
			add(d, d->kind == PM_SURVEY_HTML ? "</li>\n" : "");
		}
		add(d, d->kind == PM_SURVEY_HTML ? "</ul>\n" : "\n");
	}
}

/* Suggestions written on the forms of round_id, by form number. */
static int
suggestions(struct pm_db *db, struct doc *d, int64_t round_id, struct pm_err *err)
{
	struct pm_stmt *st;
	int rc, any = 0;

	if (pm_db_prepare(db, "SELECT printf('%s-%03d', r.quarter, f.no), f.suggestion"
	    " FROM survey_form f JOIN survey_round r ON r.id = f.round_id"
	    " WHERE f.round_id = ?1 AND f.suggestion IS NOT NULL ORDER BY f.no", &st, err) < 0)
		return -1;
	pm_bind_int(st, 1, round_id);
	while ((rc = pm_step(st)) == PM_ROW) {
		if (!any++) {
			heading(d, 2, _("Suggestions"));
			add(d, d->kind == PM_SURVEY_HTML ? "<ul>\n" : "");
		}
		add(d, d->kind == PM_SURVEY_HTML ? "<li>" : "- ");
		esc(d, pm_col_text(st, 0));
		add(d, ": ");
		esc(d, pm_col_text(st, 1));
		add(d, d->kind == PM_SURVEY_HTML ? "</li>\n" : "\n");
	}
	pm_stmt_free(st);
	if (any)
		add(d, d->kind == PM_SURVEY_HTML ? "</ul>\n" : "\n");
	return rc == PM_DONE ? 0 : pm_db_fail(db, err, _("reading survey forms"));
}

static int
quarter_report(struct pm_db *db, const struct pm_survey_scope *sc, struct doc *d,
	       struct pm_err *err)
{
	struct pm_survey_score s;
	struct pm_survey_pareto p;
	struct pm_survey_causes c;
	struct sv_round r;
	char *name = NULL, title[256], line[512], bufs[9][24];
	const char *v[9];
	size_t i;
	int rc = -1;

	if (sv_round_get(db, sc->name, &r, err) < 0)
		return -1;
	if (pm_survey_score_get(db, sc->name, &s, err) < 0) {
		sv_round_free(&r);
		return -1;
	}
	if (pm_survey_pareto_get(db, sc, &p, err) < 0)
		goto out_s;
	if (pm_survey_causes_get(db, sc, NULL, &c, err) < 0)
		goto out_p;
	if (estate(db, &name, err) < 0)
		goto out_c;
	snprintf(title, sizeof title, _("%s%sowner evaluation %s: summary analysis"), name,
	    *name ? " " : "", r.quarter);
	begin_doc(d, title);
	{
		struct pm_period q, next;

		pm_period_parse_kind(r.quarter, PM_PERIOD_QUARTER, &q);
		next = pm_period_step(q, 1);
		snprintf(line, sizeof line,
		    _("Forms out %s, due back %s; this summary is due at head office by %04d-%02d-05."),
		    r.issue_on, r.due_on, next.first.y, next.first.m);
		para(d, line);
	}
	heading(d, 2, _("Response"));
	table_begin(d, sv_response_cols, 0, 9);
	sv_response_row(&s, bufs, v);
	table_row(d, sv_response_cols, 0, 9, v);
	table_end(d);
	heading(d, 2, _("Satisfaction"));
	para(d, _("Satisfaction = (satisfied + fair) / answers: on the three-point form 满意 is "
		  "satisfied, 基本满意 fair; on the five-point form 5 and 4 are satisfied, 3 fair.  "
		  "The overall figure pools the answers to every item.  Change is against the "
		  "previous quarter, in percentage points."));
	table_begin(d, sv_item_cols, 1, 9);
	for (i = 0; i < s.nitems; i++) {
		sv_item_row(&s.items[i], bufs, v);
		table_row(d, sv_item_cols, 1, 9, v);
	}
	table_end(d);
	heading(d, 2, _("By building"));
	table_begin(d, sv_bld_cols, 0, 7);
	for (i = 0; i < s.nblds; i++) {
		sv_bld_row(&s.blds[i], bufs, v);
		table_row(d, sv_bld_cols, 0, 7, v);
	}
	table_end(d);
	heading(d, 2, _("Problems: Pareto analysis"));
	snprintf(title, sizeof title, _("%s problems by category (Pareto chart)"), r.quarter);
	pareto_section(d, &p, title);
	if (c.n) {
		heading(d, 2, _("Cause and effect"));
		causes_section(d, &c, r.quarter);
	}
	if (suggestions(db, d, r.id, err) < 0)
		goto out_n;
	end_doc(d);
	rc = d->failed ? pm_err_oom(err) : 0;
out_n:
	free(name);
out_c:
	pm_survey_causes_free(&c);
out_p:
	pm_survey_pareto_free(&p);
out_s:
	pm_survey_score_free(&s);
	sv_round_free(&r);
	return rc;
}

static int
year_report(struct pm_db *db, const struct pm_survey_scope *sc, struct doc *d,
	    struct pm_err *err)
{
	struct pm_survey_score s[4];
	struct pm_survey_pareto p, qp[4];
	struct pm_survey_causes vital;
	struct sv_round last;
	char *name = NULL, title[256], line[512], bufs[9][24];
	const char *v[9];
	int have[4] = {0, 0, 0, 0}, q, rc = -1;
	size_t i, k;

	memset(s, 0, sizeof s);
	memset(qp, 0, sizeof qp);
	memset(&vital, 0, sizeof vital);
	if (sv_scope_last(db, sc, &last, err) < 0)
		return -1;
	if (pm_survey_pareto_get(db, sc, &p, err) < 0) {
		sv_round_free(&last);
		return -1;
	}
	for (q = 0; q < 4; q++) {
		struct pm_survey_scope qs = *sc;
		int64_t *ids;
		size_t n;

		qs.quarter = q + 1;
		snprintf(qs.name, sizeof qs.name, "%04uQ%u", (unsigned)sc->year % 10000u,
		    (unsigned)(q + 1) % 10u);
		if (sv_scope_rounds(db, &qs, &ids, &n, err) < 0) {
			if (err->code != PM_EXIT_DATA)
				goto out;
			pm_err_clear(err);
			continue;
		}
		free(ids);
		if (pm_survey_score_get(db, qs.name, &s[q], err) < 0 ||
		    pm_survey_pareto_get(db, &qs, &qp[q], err) < 0)
			goto out;
		have[q] = 1;
	}
	if (estate(db, &name, err) < 0)
		goto out;
	snprintf(title, sizeof title, _("%s%sowner evaluation %04d: annual review"), name,
	    *name ? " " : "", sc->year);
	begin_doc(d, title);
	snprintf(line, sizeof line, _("The review of the year's statistical techniques is due at "
	    "head office by %04d-01-05."), sc->year + 1);
	para(d, line);
	heading(d, 2, _("Rounds"));
	table_begin(d, sv_response_cols, 0, 9);
	for (q = 0; q < 4; q++)
		if (have[q]) {
			sv_response_row(&s[q], bufs, v);
			table_row(d, sv_response_cols, 0, 9, v);
		}
	table_end(d);
	/* satisfaction per item and quarter, items of the year's last form */
	heading(d, 2, _("Satisfaction by quarter (%)"));
	{
		struct pm_col cols[5] = {{"item", N_("Item"), PM_COL_TEXT, 0}};
		char qn[4][8];

		k = 1;
		for (q = 0; q < 4; q++)
			if (have[q]) {
				snprintf(qn[q], sizeof qn[q], "Q%u", (unsigned)(q + 1) % 10u);
				cols[k++] = (struct pm_col){"q", qn[q], PM_COL_DEC, 1};
			}
		table_begin(d, cols, 0, k);
		for (i = 0; i <= last.nitems; i++) {
			const char *key = i < last.nitems ? last.items[i].key : "overall";
			const char *row[5];
			char vb[4][24];
			size_t j, col = 1;

			row[0] = i < last.nitems ? last.items[i].label : _("overall");
			for (q = 0; q < 4; q++) {
				if (!have[q])
					continue;
				row[col] = NULL;
				for (j = 0; j < s[q].nitems; j++)
					if (!strcmp(s[q].items[j].key, key) && s[q].items[j].pct10 >= 0) {
						snprintf(vb[q], sizeof vb[q], "%lld", (long long)s[q].items[j].pct10);
						row[col] = vb[q];
					}
				col++;
			}
			table_row(d, cols, 0, k, row);
		}
		table_end(d);
	}
	heading(d, 2, _("Problems of the year: Pareto analysis"));
	snprintf(title, sizeof title, _("%04d problems by category (Pareto chart)"), sc->year);
	pareto_section(d, &p, title);
	/* did acting on each quarter's vital few help?  Their problems and
	 * satisfaction then and the quarter after */
	heading(d, 2, _("The vital few and what followed"));
	{
		static const struct pm_col cols[] = {
			{"quarter", N_("Quarter"), PM_COL_CODE, 0},
			{"item", N_("Vital few"), PM_COL_TEXT, 0},
			{"problems", N_("Problems"), PM_COL_INT, 0},
			{"next", N_("Next quarter"), PM_COL_INT, 0},
			{"satisfaction", N_("Satisfaction %"), PM_COL_DEC, 1},
			{"next_satisfaction", N_("Next quarter %"), PM_COL_DEC, 1},
		};
		struct pm_survey_scope qs;

		table_begin(d, cols, 0, 6);
		for (q = 0; q < 4; q++) {
			struct pm_survey_score ns;
			struct pm_survey_pareto np;
			int have_next = 0;

			if (!have[q])
				continue;
			/* the next quarter may be in the next year */
			memset(&ns, 0, sizeof ns);
			memset(&np, 0, sizeof np);
			snprintf(qs.name, sizeof qs.name, "%04uQ%u",
			    (unsigned)(sc->year + (q == 3)) % 10000u, (unsigned)(q == 3 ? 1 : q + 2) % 10u);
			qs.year = sc->year + (q == 3);
			qs.quarter = q == 3 ? 1 : q + 2;
			if (pm_survey_score_get(db, qs.name, &ns, err) == 0) {
				if (pm_survey_pareto_get(db, &qs, &np, err) < 0) {
					pm_survey_score_free(&ns);
					goto out;
				}
				have_next = 1;
			} else if (err->code != PM_EXIT_DATA) {
				goto out;
			} else {
				pm_err_clear(err);
			}
			for (i = 0; i < qp[q].n && qp[q].rows[i].vital; i++) {
				const struct pm_survey_pareto_row *r = &qp[q].rows[i];
				char b[4][24];
				const char *row[6] = {s[q].quarter, r->label, b[0], NULL, NULL, NULL};
				size_t j;

				snprintf(b[0], sizeof b[0], "%lld", (long long)r->count);
				if (have_next) {
					int64_t n = 0;

					for (j = 0; j < np.n; j++)
						if (!strcmp(np.rows[j].key, r->key))
							n = np.rows[j].count;
					snprintf(b[1], sizeof b[1], "%lld", (long long)n);
					row[3] = b[1];
				}
				for (j = 0; j < s[q].nitems; j++)
					if (!strcmp(s[q].items[j].key, r->key) && s[q].items[j].pct10 >= 0) {
						snprintf(b[2], sizeof b[2], "%lld", (long long)s[q].items[j].pct10);
						row[4] = b[2];
					}
				for (j = 0; have_next && j < ns.nitems; j++)
					if (!strcmp(ns.items[j].key, r->key) && ns.items[j].pct10 >= 0) {
						snprintf(b[3], sizeof b[3], "%lld", (long long)ns.items[j].pct10);
						row[5] = b[3];
					}
				table_row(d, cols, 0, 6, row);
			}
			pm_survey_score_free(&ns);
			pm_survey_pareto_free(&np);
		}
		table_end(d);
	}
	if (p.n) {
		heading(d, 2, _("Cause and effect of the year's vital few"));
		for (i = 0; i < p.n && p.rows[i].vital; i++) {
			if (pm_survey_causes_get(db, sc, p.rows[i].key, &vital, err) < 0)
				goto out;
			causes_section(d, &vital, sc->name);
			pm_survey_causes_free(&vital);
		}
	}
	end_doc(d);
	rc = d->failed ? pm_err_oom(err) : 0;
out:
	free(name);
	for (q = 0; q < 4; q++) {
		pm_survey_score_free(&s[q]);
		pm_survey_pareto_free(&qp[q]);
	}
	pm_survey_pareto_free(&p);
	sv_round_free(&last);
	return rc;
}

int
pm_survey_report(struct pm_db *db, const struct pm_survey_scope *sc, enum pm_survey_doc kind,
		 struct pm_buf *b, struct pm_err *err)
{
	struct doc d = {kind, b, 0, 0};

	if (sc->butler)
		return pm_err_set(err, PM_EXIT_DATA,
		    _("the report is of the quarterly evaluation, and '%s' is a butler's round"),
		    sc->name);
	return sc->quarter ? quarter_report(db, sc, &d, err) : year_report(db, sc, &d, err);
}
