# R's stats::stl (robust = FALSE) and forecast 8.20's mstl (iterate = 2, s.window = 7 + 4 * (1:n), no Box-Cox), every
# component with every digit: the reference of the Domain's Stl and Mstl. From the repository root:
#   Rscript data/reference/stl-r-decompositions.R
suppressMessages(library(forecast))
column <- function(file) read.csv(file.path("data", file))[[2]]
g <- function(x) sprintf("%.17g", x)
rows <- list()
add <- function(case, parts) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, t = seq_along(parts[[1]]), lapply(parts, g), check.names = FALSE)
}
# stl with s.window "periodic" and with a number, on monthly series.
nottem <- stl(ts(column("nottem.csv"), frequency = 12), s.window = "periodic")
add("stl-nottem-periodic", list(seasonal = nottem$time.series[, "seasonal"], trend = nottem$time.series[, "trend"],
  remainder = nottem$time.series[, "remainder"]))
air <- stl(ts(column("airpassengers.csv"), frequency = 12), s.window = 7)
add("stl-airpassengers-7", list(seasonal = air$time.series[, "seasonal"], trend = air$time.series[, "trend"],
  remainder = air$time.series[, "remainder"]))
# mstl with a week and a year on four years of daily precipitation.
rain <- mstl(msts(column("seattle-precipitation-daily.csv"), seasonal.periods = c(7, 365)))
add("mstl-seattle-7-365", list(seasonal7 = rain[, "Seasonal7"], seasonal365 = rain[, "Seasonal365"], trend = rain[, "Trend"],
  remainder = rain[, "Remainder"]))
out <- do.call(rbind, lapply(rows, function(r) {
  for (name in c("seasonal", "seasonal7", "seasonal365", "trend", "remainder")) if (is.null(r[[name]])) r[[name]] <- "NA"
  r[, c("case", "t", "seasonal", "seasonal7", "seasonal365", "trend", "remainder")]
}))
write.csv(out, "data/reference/stl-r-decompositions.csv", row.names = FALSE, quote = FALSE)
