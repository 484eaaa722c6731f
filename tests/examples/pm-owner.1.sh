# set-up for the EXAMPLES of man/pm-owner.1: the files they name
printf '%s\n' \
	'房号,建筑面积,套内面积,房屋类型,业主姓名,联系电话,身份证号,入住日期,备注' \
	'3栋2单元1501,89.37,71.20,住宅,张三,13800138000,110105199001011232,2020/10/18,' \
	'3-2-1502,120.5,98.30,住宅,李四,13900139000,,,' > 业主花名册.csv
# the estate the examples work in (only pm-admin init creates one)
pm-admin init > /dev/null
