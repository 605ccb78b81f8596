namespace Forecast.Training.Methods.Arima;

/// <summary>What the search chose and how.</summary>
/// <param name="Model">The chosen fit; null when R's auto.arima would have found no suitable model.</param>
/// <param name="SeasonalStrength">The STL seasonal strength behind D, when it was measured.</param>
/// <param name="ModelsFitted">Candidates the stepwise search fitted.</param>
/// <param name="Refits">Exact refits of an approximate search's best candidates, until one passed R's checks.</param>
/// <param name="Approximated">Whether the search compared candidates by conditional sums of squares.</param>
/// <param name="ConstantDifferences">The differenced series was constant, so R fits the differences' deterministic model without a search.</param>
/// <param name="Corrected">Whether candidates were compared by the AICc; R compares them by the AIC when n ≤ 3.</param>
/// <param name="DifferenceSpared">A difference the tests chose was not taken, since it would have left a covariate constant.</param>
internal sealed record SearchResult(
    ArimaFit? Model, int Differences, int SeasonalDifferences, double? SeasonalStrength, int ModelsFitted, int Refits,
    bool Approximated, bool ConstantDifferences, bool Corrected, bool DifferenceSpared);

/// <summary>
/// R's <c>forecast::auto.arima</c> with its defaults (forecast 8.20): the differences first, then the stepwise search of
/// Hyndman and Khandakar (2008) over p, q ≤ 5, P, Q ≤ 2 from ARIMA(2,d,2)(1,D,1) and R's three simple starting models,
/// moving to any neighbour (one or both of a pair of orders ±1, or the constant toggled) with a lower AICc until none
/// has one. Long or finely seasonal series (n > 150 or m > 12) are searched with conditional-sum-of-squares fits, and
/// the best of those refitted by exact likelihood. With covariates, as <c>auto.arima(xreg = )</c>: the differences are
/// chosen on the residuals of the covariates' least-squares regression, and every candidate is a regression with ARIMA
/// errors.
/// </summary>
internal static class StepwiseSearch
{
    private const int MaximumAr = 5;
    private const int MaximumMa = 5;
    private const int MaximumSeasonalAr = 2;
    private const int MaximumSeasonalMa = 2;
    private const int MaximumModels = 94;

    /// <param name="covariates">The covariates' values at the series' points, one column each, those screened as usable (<see cref="RegressionScreening"/>); none for a model of the series alone.</param>
    public static SearchResult Run(
        IReadOnlyList<double> series, int period, IReadOnlyList<IReadOnlyList<double>> covariates, CancellationToken cancellation)
    {
        var x = series.ToArray();
        var n = x.Length;
        var m = Math.Max(1, period);
        var maxP = Math.Min(MaximumAr, n / 3);
        var maxQ = Math.Min(MaximumMa, n / 3);
        var maxSeasonalP = Math.Min(MaximumSeasonalAr, n / 3 / m);
        var maxSeasonalQ = Math.Min(MaximumSeasonalMa, n / 3 / m);
        // R falls back to the AIC where the AICc's correction is undefined.
        var corrected = n > 3;

        var errors = covariates.Count == 0 ? x : RegressionScreening.Residuals(x, covariates);
        var (seasonalDifferences, strength) = m == 1 ? (0, null) : Differencing.Seasonal(errors, m);
        if (m == 1)
        {
            maxSeasonalP = maxSeasonalQ = 0;
        }
        // R takes one difference fewer where it would leave a covariate constant: its coefficient could not be estimated.
        var spared = false;
        if (seasonalDifferences > 0 && RegressionScreening.AnyConstantAfter(covariates, 0, seasonalDifferences, m))
        {
            (seasonalDifferences, spared) = (seasonalDifferences - 1, true);
        }
        var differences = Differencing.First(Differencing.Apply(errors, 0, seasonalDifferences, m));
        if (differences > 0 && RegressionScreening.AnyConstantAfter(covariates, differences, seasonalDifferences, m))
        {
            (differences, spared) = (differences - 1, true);
        }
        var differenced = Differencing.Apply(errors, differences, seasonalDifferences, m);
        if (differenced.Length == 0)
        {
            return new SearchResult(null, differences, seasonalDifferences, strength, 0, 0, false, false, corrected, spared);
        }
        if (Differencing.IsConstant(differenced))
        {
            var constantModel = covariates.Count == 0
                ? FitConstantDifferences(x, new ArimaSpec(0, differences, 0, 0, seasonalDifferences, 0, m, ArimaConstant.None), differenced)
                : FitPerfectRegression(x, differences, seasonalDifferences, m, covariates);
            return new SearchResult(constantModel, differences, seasonalDifferences, strength, 1, 0, false, true, corrected, spared);
        }

        if (m > 1)
        {
            if (maxSeasonalP > 0)
            {
                maxP = Math.Min(maxP, m - 1);
            }
            if (maxSeasonalQ > 0)
            {
                maxQ = Math.Min(maxQ, m - 1);
            }
        }

        var approximate = n > 150 || m > 12;
        var offset = approximate ? ArimaEstimator.ApproximationOffset(x, differences, seasonalDifferences, m, covariates) : 0;
        var allowDrift = differences + seasonalDifferences == 1;
        var allowMean = differences + seasonalDifferences == 0;
        var constantAllowed = allowDrift || allowMean;

        var results = new List<(Orders Orders, double Criterion)>();
        ArimaFit? best = null;
        var bestCriterion = double.PositiveInfinity;

        // Fits a candidate, records it and reports whether it could be fitted at all and whether it beat the best so far.
        (bool Fitted, bool Better) TryCandidate(Orders orders)
        {
            cancellation.ThrowIfCancellationRequested();
            var fit = ArimaEstimator.Fit(x, orders.ToSpec(differences, seasonalDifferences, m, allowDrift, covariates.Count), approximate, offset, covariates);
            var criterion = fit?.Criterion(corrected) ?? double.PositiveInfinity;
            results.Add((orders, criterion));
            if (criterion < bestCriterion)
            {
                best = fit;
                bestCriterion = criterion;
                return (true, true);
            }
            return (fit is not null, false);
        }
        bool IsNew(Orders orders) => results.TrueForAll(r => r.Orders != orders);

        var small = n < 10;
        var current = new Orders(
            Math.Min(small ? 1 : 2, maxP), Math.Min(small ? 1 : 2, maxQ),
            Math.Min(small ? 0 : 1, maxSeasonalP), Math.Min(small ? 0 : 1, maxSeasonalQ), constantAllowed);
        // R refits an approximate search's candidates when its starting model was fitted at all, even if rejected.
        var startFitted = TryCandidate(current).Fitted;
        if (TryCandidate(new Orders(0, 0, 0, 0, constantAllowed)).Better)
        {
            current = new Orders(0, 0, 0, 0, constantAllowed);
        }
        if (maxP > 0 || maxSeasonalP > 0)
        {
            var ar = new Orders(maxP > 0 ? 1 : 0, 0, m > 1 && maxSeasonalP > 0 ? 1 : 0, 0, constantAllowed);
            if (TryCandidate(ar).Better)
            {
                current = ar;
            }
        }
        if (maxQ > 0 || maxSeasonalQ > 0)
        {
            var ma = new Orders(0, maxQ > 0 ? 1 : 0, 0, m > 1 && maxSeasonalQ > 0 ? 1 : 0, constantAllowed);
            if (TryCandidate(ma).Better)
            {
                current = ma;
            }
        }
        // R moves to the null model without its constant but keeps searching with the constant, so that model's
        // neighbours are the constant's.
        if (constantAllowed && TryCandidate(new Orders(0, 0, 0, 0, false)).Better)
        {
            current = new Orders(0, 0, 0, 0, constantAllowed);
        }

        var limits = new Orders(maxP, maxQ, maxSeasonalP, maxSeasonalQ, true);
        var tried = 0;
        while (tried < results.Count && results.Count < MaximumModels)
        {
            tried = results.Count;
            foreach (var neighbour in current.Neighbours(limits, constantAllowed))
            {
                if (!IsNew(neighbour))
                {
                    continue;
                }
                if (results.Count >= MaximumModels)
                {
                    break;
                }
                if (TryCandidate(neighbour).Better)
                {
                    current = neighbour;
                    break;
                }
            }
        }

        var refits = 0;
        if (approximate && (best is not null || startFitted))
        {
            // The candidates in the order of their approximate criteria (stable, as R's order()), refitted exactly until
            // one passes the checks.
            foreach (var (orders, _) in results.OrderBy(r => r.Criterion))
            {
                cancellation.ThrowIfCancellationRequested();
                refits++;
                var exact = ArimaEstimator.Fit(x, orders.ToSpec(differences, seasonalDifferences, m, allowDrift, covariates.Count),
                    approximate: false, covariates: covariates);
                if (exact is not null && exact.Criterion(corrected) < double.PositiveInfinity)
                {
                    best = exact;
                    bestCriterion = exact.Criterion(corrected);
                    break;
                }
            }
        }
        return new SearchResult(double.IsPositiveInfinity(bestCriterion) ? null : best, differences, seasonalDifferences, strength,
            results.Count, refits, approximate, false, corrected, spared);
    }

    /// <summary>
    /// R's model for covariates that leave constant differenced residuals: the regression with ARIMA(0,d,0)(0,D,0)[m]
    /// errors (with a mean when undifferenced), by exact likelihood; null when it cannot be fitted.
    /// </summary>
    private static ArimaFit? FitPerfectRegression(
        double[] x, int differences, int seasonalDifferences, int period, IReadOnlyList<IReadOnlyList<double>> covariates)
    {
        var constant = differences + seasonalDifferences == 0 ? ArimaConstant.Mean : ArimaConstant.None;
        var spec = new ArimaSpec(0, differences, 0, 0, seasonalDifferences, 0, period, constant, covariates.Count);
        return ArimaEstimator.Fit(x, spec, approximate: false, covariates: covariates) is { Rejection: null } fit ? fit : null;
    }

    /// <summary>
    /// R's models for a constant differenced series: a seasonal random walk with the fixed drift mean(Δ_m y) / m, a random
    /// walk with the fixed drift mean(Δy), or the differencing alone when there are two differences.
    /// </summary>
    private static ArimaFit FitConstantDifferences(double[] x, ArimaSpec spec, double[] differenced)
    {
        var mean = differenced.Average();
        return (spec.Differences, spec.SeasonalDifferences) switch
        {
            (0, > 0) => ArimaEstimator.Fixed(x, spec with { Constant = ArimaConstant.Drift }, [mean / spec.Period]),
            (> 0, > 0) or (2, 0) => ArimaEstimator.Fixed(x, spec, []),
            _ => ArimaEstimator.Fixed(x, spec with { Constant = ArimaConstant.Drift }, [mean]),
        };
    }

    /// <summary>A candidate's orders: (p, q)(P, Q) and whether it has its constant (a mean or a drift).</summary>
    private readonly record struct Orders(int P, int Q, int SeasonalP, int SeasonalQ, bool Constant)
    {
        public ArimaSpec ToSpec(int d, int seasonalD, int period, bool drift, int covariates) =>
            new(P, d, Q, SeasonalP, seasonalD, SeasonalQ, period,
                !Constant ? ArimaConstant.None : drift ? ArimaConstant.Drift : ArimaConstant.Mean, covariates);

        /// <summary>R's neighbourhood in R's order: the seasonal orders, then the non-seasonal ones, then the constant.</summary>
        public IEnumerable<Orders> Neighbours(Orders max, bool constantAllowed)
        {
            foreach (var (dp, dq) in Steps)
            {
                var seasonal = this with { SeasonalP = SeasonalP + dp, SeasonalQ = SeasonalQ + dq };
                if (seasonal.SeasonalP >= 0 && seasonal.SeasonalP <= max.SeasonalP && seasonal.SeasonalQ >= 0 && seasonal.SeasonalQ <= max.SeasonalQ)
                {
                    yield return seasonal;
                }
            }
            foreach (var (dp, dq) in Steps)
            {
                var regular = this with { P = P + dp, Q = Q + dq };
                if (regular.P >= 0 && regular.P <= max.P && regular.Q >= 0 && regular.Q <= max.Q)
                {
                    yield return regular;
                }
            }
            if (constantAllowed)
            {
                yield return this with { Constant = !Constant };
            }
        }

        private static readonly (int, int)[] Steps = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)];
    }
}
