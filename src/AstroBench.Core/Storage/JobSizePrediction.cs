namespace AstroBench.Core.Storage;

/// <summary>A job's predicted size; <see cref="Basis"/> is <see cref="JobSizePredictor.History"/> or <see cref="JobSizePredictor.Default"/>.</summary>
public sealed record JobSizePrediction(long PredictedBytes, double BytesPerCase, string Basis);
