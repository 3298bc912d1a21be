"""杭州市临安区职业技能培训管理办法（临人社发〔2020〕105号）: the accredit scheme plugin."""
