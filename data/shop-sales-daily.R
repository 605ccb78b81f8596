# Generates shop-sales-daily.csv: a synthetic shop's daily sales with its price, 2024-01-01 to 2025-12-31, and the
# price planned for the 28 days after (rows without a value: the known future). Sales fall with the price, rise at the
# weekend and on US public holidays (New Year's Day, Independence Day, Thanksgiving, Christmas). Rscript shop-sales-daily.R
set.seed(26)
dates <- seq(as.Date("2024-01-01"), as.Date("2026-01-28"), by = "day")
n <- length(dates)
promotion <- runif(n) < 0.1
price <- round(10 + 0.5 * sin(2 * pi * seq_len(n) / 90) - ifelse(promotion, 2, 0), 2)
weekday <- as.POSIXlt(dates)$wday
weekend <- c(15, 0, 0, 0, 0, 10, 25)[weekday + 1]
month <- as.POSIXlt(dates)$mon + 1
day <- as.POSIXlt(dates)$mday
thanksgiving <- month == 11 & weekday == 4 & day >= 22 & day <= 28
holiday <- (month == 1 & day == 1) | (month == 7 & day == 4) | thanksgiving | (month == 12 & day == 25)
sales <- round(300 - 12 * price + weekend + 40 * holiday + rnorm(n, 0, 6), 1)
known <- dates <= as.Date("2025-12-31")
out <- data.frame(date = format(dates), value = ifelse(known, sprintf("%.1f", sales), ""), price = sprintf("%.2f", price))
write.csv(out, "shop-sales-daily.csv", row.names = FALSE, quote = FALSE)
