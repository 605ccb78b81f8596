using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// The covariance of the ARMA state at stationarity, P0 = T P0 T' + R R' for the state-space form of
/// <see cref="ArimaStateSpace"/>, in units of the innovation variance: where the exact likelihood starts.
/// </summary>
/// <remarks>
/// Solved through the process' autocovariances γ and MA(∞) weights ψ rather than as a Lyapunov system of r(r+1)/2
/// unknowns: the state's first element is the series itself, so P0[0, k] = Σ_j φ_{k+j+1} γ(j+1) + θ_{k+j} ψ_j, and the
/// transition's shift structure gives every other entry from the one below and to the right of it,
/// P0[i, k] = φ_{i+1} φ_{k+1} γ(0) + φ_{i+1} P0[0, k+1] + φ_{k+1} P0[0, i+1] + P0[i+1, k+1] + θ_i θ_k.
/// The cost is a (p+1)-square solve and O(r²), where r = max(p, q + 1) reaches 30 for seasonal models.
/// </remarks>
internal static class StationaryCovariance
{
    /// <param name="phi">AR lag coefficients φ_1..φ_p (model x_t = Σ φ_i x_{t-i} + ε_t + Σ θ_j ε_{t-j}).</param>
    /// <param name="theta">MA lag coefficients θ_1..θ_q.</param>
    /// <param name="r">The state's ARMA dimension, max(p, q + 1).</param>
    /// <returns>P0, r × r, row-major.</returns>
    public static double[] Of(double[] phi, double[] theta, int r)
    {
        var p = phi.Length;
        var q = theta.Length;
        double Phi(int k) => k >= 1 && k <= p ? phi[k - 1] : 0.0;
        double Theta(int k) => k == 0 ? 1.0 : k <= q ? theta[k - 1] : 0.0;

        var psi = new double[Math.Max(r, q + 1)];
        for (var j = 0; j < psi.Length; j++)
        {
            var value = Theta(j);
            for (var i = 1; i <= Math.Min(j, p); i++)
            {
                value += phi[i - 1] * psi[j - i];
            }
            psi[j] = value;
        }

        var gamma = Autocovariances(phi, theta, psi, r);

        var first = new double[r + 1];
        for (var k = 0; k < r; k++)
        {
            var value = 0.0;
            for (var j = 0; j < r - k; j++)
            {
                value += Phi(k + j + 1) * gamma[j + 1] + Theta(k + j) * psi[j];
            }
            first[k] = value;
        }

        var covariance = new double[r * r];
        for (var i = r - 1; i >= 1; i--)
        {
            for (var k = r - 1; k >= i; k--)
            {
                var below = i + 1 < r && k + 1 < r ? covariance[(i + 1) * r + k + 1] : 0.0;
                var value = Phi(i + 1) * Phi(k + 1) * gamma[0] + Phi(i + 1) * first[k + 1] + Phi(k + 1) * first[i + 1]
                    + below + Theta(i) * Theta(k);
                covariance[i * r + k] = value;
                covariance[k * r + i] = value;
            }
        }
        for (var k = 0; k < r; k++)
        {
            covariance[k] = first[k];
            covariance[k * r] = first[k];
        }
        return covariance;
    }

    /// <summary>γ(0..r) of the ARMA process with unit innovation variance.</summary>
    private static double[] Autocovariances(double[] phi, double[] theta, double[] psi, int r)
    {
        var p = phi.Length;
        var q = theta.Length;
        // Σ_{j=h}^{q} θ_j ψ_{j-h}: the covariance of the MA side at lag h with the process.
        double MaSide(int h)
        {
            var sum = 0.0;
            for (var j = h; j <= q; j++)
            {
                sum += (j == 0 ? 1.0 : theta[j - 1]) * psi[j - h];
            }
            return sum;
        }

        var gamma = new double[r + 1];
        if (p == 0)
        {
            for (var h = 0; h <= Math.Min(r, q); h++)
            {
                gamma[h] = MaSide(h);
            }
            return gamma;
        }

        // γ(h) - Σ φ_i γ(|h - i|) = MaSide(h) for h = 0..p, solved for γ(0..p).
        var system = Matrix<double>.Build.Dense(p + 1, p + 1);
        var rhs = Vector<double>.Build.Dense(p + 1);
        for (var h = 0; h <= p; h++)
        {
            system[h, h] += 1.0;
            for (var i = 1; i <= p; i++)
            {
                system[h, Math.Abs(h - i)] -= phi[i - 1];
            }
            rhs[h] = MaSide(h);
        }
        var solved = system.Solve(rhs);
        for (var h = 0; h <= Math.Min(p, r); h++)
        {
            gamma[h] = solved[h];
        }
        for (var h = p + 1; h <= r; h++)
        {
            var value = MaSide(h);
            for (var i = 1; i <= p; i++)
            {
                value += phi[i - 1] * gamma[h - i];
            }
            gamma[h] = value;
        }
        return gamma;
    }
}
