using MagLearn.Knowledge.Semantic;

namespace MagLearn.Bot.Understanding;

/// <summary>The sentence model the host runs with, or why it runs without one.</summary>
public sealed record SemanticStatus(SentenceModel? Model, string? Problem);

/// <summary>The sentence model while it loads, started when the host first asks for it.</summary>
public sealed record SemanticLoading(Task<SemanticStatus> Status);
