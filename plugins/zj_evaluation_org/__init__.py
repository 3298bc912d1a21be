"""浙江省职业技能等级认定试点社会培训评价组织遴选（浙人社办发〔2020〕35号）: the accredit scheme plugin."""
