using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>Adam (Kingma and Ba, 2015) with PyTorch's defaults: betas 0.9 and 0.999, epsilon 1e-8, no weight decay.</summary>
/// <remarks>
/// In place of TorchSharp's own Adam, whose step passes implicitly converted <see cref="TorchSharp.Scalar"/>
/// temporaries to native code without keeping them alive: the garbage collector may finalise one while
/// libtorch still reads it. A training run crashed on exactly that ("Expected false to be true" in
/// Scalar::toDouble inside Adam.step); worse, a freed scalar can be read as a wrong number and silently
/// break reproducibility. Here every scalar is created explicitly and disposed after the step.
/// </remarks>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;
    private readonly double learningRate;
    private long steps;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        this.parameters = parameters.ToArray();
        this.learningRate = learningRate;
        firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    public void ZeroGrad()
    {
        // A parameter's grad is a new wrapper each time it is read. Owned by a scope, it stays reachable while libtorch
        // uses it; unowned, an optimised caller lets the collector finalise it mid-call, freeing the handle libtorch
        // reads: a segfault in THSTensor_zeros_out, which zero_ calls, in a CI run of the suite once Forecast.Training
        // was built optimised (as the published service always was).
        using var scope = NewDisposeScope();
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }
    }

    public void Step()
    {
        steps++;
        var correction1 = 1 - Math.Pow(Beta1, steps);
        var correction2 = 1 - Math.Pow(Beta2, steps);
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var sqrtCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        // add_(Scalar) passes an implicitly converted alpha of 1 of its own, which crashed a chaos run as above.
        using var one = 1.0.ToScalar();
        using var stepSize = (-learningRate / correction1).ToScalar();
        using var _ = no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            // The scope owns the grad's wrapper too, as in ZeroGrad.
            using var scope = NewDisposeScope();
            var gradient = parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }
            firstMoments[i].mul_(beta1).add_(gradient, alpha: oneMinusBeta1);
            secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, value: oneMinusBeta2);
            var denominator = secondMoments[i].sqrt().div_(sqrtCorrection2).add_(epsilon, alpha: one);
            parameters[i].addcdiv_(firstMoments[i], denominator, value: stepSize);
        }
    }

    /// <summary>The step count and both moment estimates of every parameter.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(steps);
            foreach (var moment in firstMoments.Concat(secondMoments))
            {
                moment.Save(writer);
            }
        }
        return stream.ToArray();
    }

    public void Load(byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        steps = reader.ReadInt64();
        foreach (var moment in firstMoments.Concat(secondMoments))
        {
            moment.Load(reader);
        }
    }

    /// <summary>
    /// Another run's state, for a warm start: its step count and second moments (each weight's gradient scale), but
    /// not its first moments. Momentum is the direction that run was moving in when its weights were kept, often still
    /// mid-descent; carried into new data it overshoots, while a zero momentum builds up from the new gradients over
    /// the first steps, at the step sizes the second moments already know (measured in docs/warm-start.md).
    /// </summary>
    public void ContinueFrom(byte[] state)
    {
        Load(state);
        foreach (var moment in firstMoments)
        {
            moment.zero_();
        }
    }

    public void Dispose()
    {
        foreach (var moment in firstMoments.Concat(secondMoments))
        {
            moment.Dispose();
        }
    }
}
