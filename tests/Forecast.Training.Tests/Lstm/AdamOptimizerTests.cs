using Forecast.Training.Lstm;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Training.Tests.Lstm;

/// <summary>What of an optimiser's state a resumed run keeps, and what a warm start keeps.</summary>
public class AdamOptimizerTests
{
    [Fact]
    public void A_resumed_optimiser_keeps_its_momentum_and_a_warm_start_s_keeps_its_step_sizes_without_it()
    {
        var state = StateAfterDescending();

        // With no gradient, only momentum moves a weight.
        var resumed = StepWithoutGradient(o => o.Load(state));
        var warm = StepWithoutGradient(o => o.ContinueFrom(state));

        Assert.All(resumed, w => Assert.NotEqual(1f, w));
        Assert.All(warm, w => Assert.Equal(1f, w));
        // A fresh Adam's first step moves every weight by the learning rate, 0.1; a warm one by what its second moments
        // (gradients of 2) make of a gradient of 1, with its momentum still to build up: about a tenth of that.
        var warmStep = 1f - StepWith(o => o.ContinueFrom(state), gradient: 1f)[0];
        var freshStep = 1f - StepWith(_ => { }, gradient: 1f)[0];
        Assert.Equal(0.1f, freshStep, 1e-5f);
        Assert.InRange(warmStep, 0.005f, 0.02f);
    }

    private static byte[] StateAfterDescending()
    {
        using var parameter = new Parameter(ones(3));
        using var optimizer = new AdamOptimizer([parameter], learningRate: 0.1);
        for (var step = 0; step < 5; step++)
        {
            parameter.grad = full(3, 2f);
            optimizer.Step();
        }
        return optimizer.Save();
    }

    private static float[] StepWithoutGradient(Action<AdamOptimizer> start) => StepWith(start, gradient: 0f);

    private static float[] StepWith(Action<AdamOptimizer> start, float gradient)
    {
        using var parameter = new Parameter(ones(3));
        using var optimizer = new AdamOptimizer([parameter], learningRate: 0.1);
        start(optimizer);
        parameter.grad = full(3, gradient);
        optimizer.Step();
        return parameter.data<float>().ToArray();
    }
}
