library(forecast)
rows <- list()
for (name in c("airpassengers", "nottem")) {
  d <- read.csv(file.path("data", paste0(name, ".csv")))
  y <- ts(head(d[[2]], -12), frequency = 12)
  fits <- list(naive = naive(y, h = 12), snaive = snaive(y, h = 12), drift = rwf(y, h = 12, drift = TRUE), theta = thetaf(y, h = 12))
  for (m in names(fits)) {
    f <- fits[[m]]
    rows[[length(rows) + 1]] <- data.frame(series = name, method = m, step = 1:12, mean = as.numeric(f$mean),
      lower_80 = as.numeric(f$lower[, 1]), upper_80 = as.numeric(f$upper[, 1]), lower_95 = as.numeric(f$lower[, 2]), upper_95 = as.numeric(f$upper[, 2]))
  }
}
write.csv(do.call(rbind, rows), "data/reference/simple-methods-r-intervals.csv", row.names = FALSE)
