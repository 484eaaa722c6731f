/* roll_parse.c - one owner-roll row: columns, aliases, checks */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/keyword.h"
#include "core/money.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "roll.h"
#include "unit.h"

/* The Chinese names are those seen on developers' rolls and Excel
 * exports; add to them rather than asking clerks to rename columns. */
const struct pm_field_def pm_roll_fields[] = {
	[RF_UNIT] = {"unit", "房号|房屋编号|房间号|房屋|房产|室号|门牌号|unit_code|code", 1},
	[RF_BUILDING_AREA] = {"building_area", "建筑面积|面积|建面|建筑面积(m2)|建筑面积(㎡)|area", 0},
	[RF_USABLE_AREA] = {"usable_area", "套内面积|使用面积|套内建筑面积|套内面积(㎡)|使用面积(㎡)", 0},
	[RF_LAND_AREA] = {"land_area", "土地分摊面积|分摊面积|土地面积", 0},
	[RF_TYPE] = {"type", "房屋类型|类型|房屋性质|物业类型", 0},
	[RF_USE] = {"use", "用途|使用情况|房屋用途", 0},
	[RF_FACILITIES] = {"facilities", "附属设施", 0},
	[RF_PARKING] = {"parking", "车库使用情况|车位|车库|车位号", 0},
	[RF_NAME] = {"name", "业主姓名|姓名|业主|户主|产权人|业主名称|owner", 0},
	[RF_PHONE] = {"phone", "联系电话|电话|手机|手机号|手机号码|联系方式|电话号码|mobile|tel", 0},
	[RF_ID_NO] = {"id_no", "身份证号|身份证|身份证号码|证件号码|证件号|id|id_number", 0},
	[RF_MOVE_IN] = {"move_in", "入住日期|入住时间|入伙日期|入伙时间|收房日期|movein|move_in_date", 0},
	[RF_SINCE] = {"since", "产权日期|购房日期|登记日期|取得日期", 0},
	[RF_SHARE] = {"share", "份额|产权份额|共有份额|产权比例", 0},
	[RF_REMARK] = {"remark", "备注|说明|备注信息|remarks|notes", 0},
	[RF_COUNT] = {NULL, NULL, 0},
};

static const char *
area_reason(enum pm_num rc)
{
	switch (rc) {
	case PM_NUM_SYNTAX:    return _("area not a number");
	case PM_NUM_PRECISION: return _("area has more than 2 decimals");
	case PM_NUM_RANGE:     return _("area too large");
	default:               return _("area not a number");
	}
}

/* "area 92233720368547758.07 m² is above the limit of 100000.00 m²", in
 * why (valid until the next parse); the value as a decimal when it is
 * one, else the first digits typed. */
static const char *
area_over(struct pm_buf *why, const char *s, size_t n)
{
	char v[PM_DEC_BUFSZ];
	int64_t x;

	pm_buf_reset(why);
	if (pm_dec_parse(s, n, 2, &x) == PM_NUM_OK)
		pm_buf_addf(why, _("area %s m² is above the limit of %s m²"), pm_dec_fmt(x, 2, v),
		    PM_AREA_MAX_TEXT);
	else
		pm_buf_addf(why, _("area too large: above the limit of %s m²"), PM_AREA_MAX_TEXT);
	return why->s ? why->s : _("out of memory");
}

static const char *
date_reason(enum pm_date_rc rc)
{
	return pm_date_reason(rc);
}

/* The trimmed cell of field f: NULL when the column is absent or the
 * cell blank. */
static const char *
cell(const struct pm_header *h, const struct pm_row *row, enum roll_field f, size_t *n)
{
	const char *s = pm_header_cell(h, row, f, n);

	if (!s)
		return NULL;
	pm_text_trim(&s, n);
	return *n ? s : NULL;
}

static int
text_field(const struct pm_header *h, const struct pm_row *row, enum roll_field f,
	   struct pm_buf *b, int *has, struct roll_problem *p, int *np)
{
	size_t n;
	const char *s = cell(h, row, f, &n), *why;

	*has = 0;
	pm_buf_reset(b);
	if (!s)
		return 0;
	if ((why = pm_text_normalize(s, n, b))) {
		p[(*np)++] = (struct roll_problem){f, why};
		return -1;
	}
	*has = 1;
	return 0;
}

int
roll_parse(const struct pm_header *h, const struct pm_row *row, struct roll_rec *r,
	   struct roll_problem *p)
{
	static const enum roll_field areas[3] = {RF_BUILDING_AREA, RF_USABLE_AREA, RF_LAND_AREA};
	int np = 0, i, landline;
	const char *s, *why;
	size_t n;

	/* unit */
	s = pm_header_cell(h, row, RF_UNIT, &n);
	why = pm_unit_parse(s ? s : "", s ? n : 0, &r->code, &r->building, &r->entrance,
	    &r->room, &r->floor);
	if (why)
		p[np++] = (struct roll_problem){RF_UNIT, why};

	for (i = 0; i < 3; i++) {
		enum pm_num rc;

		r->has_area[i] = 0;
		s = cell(h, row, areas[i], &n);
		if (!s)
			continue;
		rc = pm_area_parse(s, n, &r->area[i]);
		if (rc == PM_NUM_AREA_LIMIT)
			p[np++] = (struct roll_problem){areas[i], area_over(&r->area_why[i], s, n)};
		else if (rc == PM_NUM_NEGATIVE)
			p[np++] = (struct roll_problem){areas[i], _("area negative")};
		else if (rc != PM_NUM_OK)
			p[np++] = (struct roll_problem){areas[i], area_reason(rc)};
		else
			r->has_area[i] = 1;
	}

	r->type = NULL;
	if ((s = cell(h, row, RF_TYPE, &n))) {
		const struct pm_keyword *k = pm_keyword_findn(pm_unit_types, s, n);

		r->type = k ? k->key : NULL;
		if (!r->type)
			p[np++] = (struct roll_problem){RF_TYPE,
			    _("unknown type (住宅, 商铺, 车库, 车位, 储藏室, 写字楼, 其他)")};
	}

	text_field(h, row, RF_USE, &r->use, &r->has_use, p, &np);
	text_field(h, row, RF_FACILITIES, &r->facilities, &r->has_facilities, p, &np);
	text_field(h, row, RF_PARKING, &r->parking, &r->has_parking, p, &np);
	text_field(h, row, RF_REMARK, &r->remark, &r->has_remark, p, &np);

	/* the owner: name, phone, ID number */
	pm_buf_reset(&r->name);
	pm_buf_reset(&r->phone);
	pm_buf_reset(&r->landline);
	pm_buf_reset(&r->id_no);
	r->has_person = 0;
	if ((s = cell(h, row, RF_PHONE, &n))) {
		struct pm_buf *into = &r->phone;

		r->has_person = 1;
		why = pm_phone_normalize(s, n, into, &landline);
		if (why)
			p[np++] = (struct roll_problem){RF_PHONE, why};
		else if (landline) {
			pm_buf_reset(&r->landline);
			pm_buf_add(&r->landline, r->phone.s, r->phone.len);
			pm_buf_reset(&r->phone);
		}
	}
	if ((s = cell(h, row, RF_ID_NO, &n))) {
		r->has_person = 1;
		if ((why = pm_idno_normalize(s, n, &r->id_no)))
			p[np++] = (struct roll_problem){RF_ID_NO, why};
	}
	s = cell(h, row, RF_NAME, &n);
	if (s) {
		r->has_person = 1;
		if ((why = pm_name_normalize(s, n, &r->name)))
			p[np++] = (struct roll_problem){RF_NAME, why};
	} else if (r->has_person) {
		p[np++] = (struct roll_problem){RF_NAME, _("owner name missing")};
	}

	r->move_in[0] = r->since[0] = '\0';
	if ((s = cell(h, row, RF_MOVE_IN, &n))) {
		struct pm_date d;
		enum pm_date_rc rc = pm_date_parse(s, n, &d);

		if (rc != PM_DATE_OK)
			p[np++] = (struct roll_problem){RF_MOVE_IN, date_reason(rc)};
		else
			pm_date_fmt(d, r->move_in);
	}
	if ((s = cell(h, row, RF_SINCE, &n))) {
		struct pm_date d;
		enum pm_date_rc rc = pm_date_parse(s, n, &d);

		if (rc != PM_DATE_OK)
			p[np++] = (struct roll_problem){RF_SINCE, date_reason(rc)};
		else
			pm_date_fmt(d, r->since);
	}
	r->share = 0;
	if ((s = cell(h, row, RF_SHARE, &n))) {
		/* a percentage, "50" or "50%" */
		size_t m = n;

		if (m && s[m - 1] == '%')
			m--;
		if (pm_dec_parse(s, m, 2, &r->share) != PM_NUM_OK || r->share <= 0 || r->share > 10000)
			p[np++] = (struct roll_problem){RF_SHARE, _("share is not a percentage above 0 and at most 100")};
	}
	return np;
}

void
roll_rec_free(struct roll_rec *r)
{
	struct pm_buf *bufs[] = {&r->code, &r->building, &r->entrance, &r->room, &r->use,
		&r->facilities, &r->parking, &r->remark, &r->name, &r->phone, &r->landline, &r->id_no,
		&r->area_why[0], &r->area_why[1], &r->area_why[2]};
	size_t i;

	for (i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		pm_buf_free(bufs[i]);
}
