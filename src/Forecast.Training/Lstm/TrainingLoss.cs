namespace Forecast.Training.Lstm;

/// <summary>What a network's training minimises on the scale it sees.</summary>
public enum TrainingLoss
{
    /// <summary>Mean squared error: the tutorial's, kept by a one-step network.</summary>
    MeanSquared,

    /// <summary>Mean absolute error: the median's loss, as MASE and sMAPE score a forecast.</summary>
    Absolute,
}
