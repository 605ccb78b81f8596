namespace Forecast.Training.Lstm;

/// <summary>How an <see cref="EpochLoop"/> judges its ensemble after an epoch: lower is better.</summary>
internal interface IValidation
{
    double Score(IReadOnlyList<TrainingMember> members);
}

/// <summary>The mean squared error of the ensemble's one-step prediction (its members' median) over the validation windows.</summary>
internal sealed class OneStepValidation(Windows windows) : IValidation
{
    /// <summary>The validation of <paramref name="windows"/>, or null when there are none.</summary>
    public static OneStepValidation? Of(Windows windows) => windows.Count > 0 ? new OneStepValidation(windows) : null;

    public double Score(IReadOnlyList<TrainingMember> members)
    {
        var predictions = EnsembleMedian.Of(members.Select(m => m.Predict(windows)).ToArray());
        double sum = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            var error = (double)predictions[i] - windows.Targets[i];
            sum += error * error;
        }
        return sum / windows.Count;
    }
}
