# forecast 8.20's forecast(mstl(x), method = "ets") (ETS "ZZN" on the seasonally adjusted series, each season's last cycle
# repeated; the ETS form with ";" for ",") on two data sets with their last h points held out: each step's mean, 80 % and 95 % bounds, and the ETS
# forecast of the seasonally adjusted series alone. The reference of the mstl method. From the repository root:
#   Rscript data/reference/mstl-r-forecasts.R
suppressMessages(library(forecast))
column <- function(file) read.csv(file.path("data", file))[[2]]
g <- function(x) sprintf("%.17g", x)
cases <- list(
  list(name = "seattle-7-365", file = "seattle-precipitation-daily.csv", periods = c(7, 365), h = 28),
  list(name = "airpassengers-12", file = "airpassengers.csv", periods = 12, h = 12))
rows <- lapply(cases, function(k) {
  x <- column(k$file)
  history <- head(x, length(x) - k$h)
  y <- if (length(k$periods) > 1) msts(history, seasonal.periods = k$periods) else ts(history, frequency = k$periods)
  fit <- mstl(y)
  f <- forecast(fit, method = "ets", h = k$h, level = c(80, 95))
  adjusted <- forecast(ets(seasadj(fit), model = "ZZN"), h = k$h)
  data.frame(case = k$name, step = seq_len(k$h), ets = gsub(",", ";", sub("STL \\+  ", "", f$method)), mean = g(f$mean),
    lower80 = g(f$lower[, 1]), upper80 = g(f$upper[, 1]), lower95 = g(f$lower[, 2]), upper95 = g(f$upper[, 2]),
    adjusted_mean = g(adjusted$mean))
})
write.csv(do.call(rbind, rows), "data/reference/mstl-r-forecasts.csv", row.names = FALSE, quote = FALSE)
