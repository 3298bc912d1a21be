"""杭州市服务外包人才培训机构认定（杭商务〔2021〕192号）: the accredit scheme plugin."""
