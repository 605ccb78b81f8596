using Forecast.Api.Contracts;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;

namespace Forecast.Api.Retraining;

/// <summary>The training request a policy makes of its champion: an ordinary run, promoted on merit over a backtest.</summary>
public static class PolicyRunRequest
{
    /// <returns>The request, and what it chose for the client in words (the champion's method, a warm start or why not).</returns>
    public static (TrainingRunRequest Request, IReadOnlyList<string> Choices) For(RetrainingPolicy policy, Champion champion)
    {
        var choices = new List<string>();
        var hyperparameters = policy.Hyperparameters;
        if (hyperparameters is null)
        {
            // The champion's method, test size and season; everything else from the defaults for the series as it is now.
            var hp = champion.Hyperparameters;
            hyperparameters = new HyperparameterRequest(TestSize: hp.TestSize, SeasonalPeriod: hp.SeasonalPeriod, Method: hp.Method, SeasonalPeriods: hp.SeasonalPeriods);
            choices.Add($"trains the champion's method ({hp.Method}), test size ({hp.TestSize}) and season ({string.Join(" and ", hp.Seasons)}), as the policy leaves hyperparameters out");
        }
        var method = hyperparameters.Method ?? Hyperparameters.NetworkMethod;
        WarmStartRequest? warmStart = null;
        if (policy.WarmStart)
        {
            if (champion.HasNetwork && method == Hyperparameters.NetworkMethod)
            {
                warmStart = new WarmStartRequest(champion.ModelId);
            }
            else
            {
                choices.Add($"starts afresh although the policy asks for a warm start: the champion ({champion.Hyperparameters.Method}) has no network weights for a {method} run");
            }
        }
        var request = new TrainingRunRequest(hyperparameters)
        {
            Promote = new PromotionRequest(policy.Alias, policy.Promote.OnlyIfBetter),
            Backtest = new BacktestRequest(policy.Promote.BacktestWindows),
            WarmStartFrom = warmStart,
        };
        return (request, choices);
    }
}
