"""杭州跨境电商人才社会培训基地认定（2021年度增补认定通知）: the accredit scheme plugin."""
