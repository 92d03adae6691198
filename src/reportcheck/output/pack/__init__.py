"""The review pack's writers: the 通报 in Word, the 附件 in Excel, one HTML page, Markdown and
CSV, all drawn from the rows the judge built."""
