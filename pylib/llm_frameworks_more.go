package pylib

// LLM application frameworks the library coverage audit added
// (docs/pylib-coverage.md). LangChain's chat models share BaseChatModel's
// Runnable methods (langchain-core, language_models/chat_models.py): the
// synchronous invoke/batch/predict/generate send the request through the
// provider's sync client, and each has an `async def` twin (ainvoke,
// abatch, apredict, agenerate...). blocking.go records ChatOpenAI's sync
// methods; this file adds the other providers' chat models, the async twins
// of all of them, and the embedding models (embed_query/embed_documents and
// the `async def aembed_query`/`aembed_documents` of langchain-core's
// Embeddings). LlamaIndex's query, chat and retrieval engines answer with
// query/chat/retrieve and their `async def` twins aquery/achat/aretrieve
// (llama-index-core, base/base_query_engine.py: `async def aquery(self,
// str_or_query_bundle)`), and its LLMs with complete/chat and
// acomplete/achat.

const llamaIndexAlt = "await the async twin (`await engine.aquery(...)`, `achat`, `acomplete`) or `await asyncio.to_thread(...)`"

var (
	// Chat model classes of LangChain's provider packages (each exported
	// from the package and from its chat_models module).
	langchainChatModels = []string{"langchain_anthropic.ChatAnthropic", "langchain_anthropic.chat_models.ChatAnthropic",
		"langchain_google_genai.ChatGoogleGenerativeAI", "langchain_google_genai.chat_models.ChatGoogleGenerativeAI",
		"langchain_ollama.ChatOllama", "langchain_ollama.chat_models.ChatOllama",
		"langchain_community.chat_models.ChatOllama", "langchain_openai.AzureChatOpenAI",
		"langchain_openai.chat_models.AzureChatOpenAI", "langchain_openai.chat_models.azure.AzureChatOpenAI",
		"langchain_groq.ChatGroq", "langchain_groq.chat_models.ChatGroq", "langchain_mistralai.ChatMistralAI",
		"langchain_mistralai.chat_models.ChatMistralAI", "langchain_google_vertexai.ChatVertexAI",
		"langchain_deepseek.ChatDeepSeek", "langchain_together.ChatTogether", "langchain_cohere.ChatCohere",
		"langchain_fireworks.ChatFireworks", "langchain_aws.ChatBedrock", "langchain_aws.ChatBedrockConverse"}
	langchainAsyncCalls = []string{"ainvoke", "abatch", "apredict", "apredict_messages", "agenerate",
		"agenerate_prompt"}
	langchainEmbeddings = []string{"langchain_openai.OpenAIEmbeddings", "langchain_openai.embeddings.OpenAIEmbeddings",
		"langchain_openai.AzureOpenAIEmbeddings", "langchain_ollama.OllamaEmbeddings",
		"langchain_community.embeddings.OllamaEmbeddings", "langchain_google_genai.GoogleGenerativeAIEmbeddings",
		"langchain_cohere.CohereEmbeddings", "langchain_mistralai.MistralAIEmbeddings"}
	// LlamaIndex's LLM classes (llama-index-llms-*; the class names repeat
	// the providers' own, under llama_index.llms).
	llamaIndexLLMs = []string{"llama_index.llms.openai.OpenAI", "llama_index.llms.ollama.Ollama",
		"llama_index.llms.anthropic.Anthropic", "llama_index.llms.gemini.Gemini",
		"llama_index.llms.google_genai.GoogleGenAI", "llama_index.llms.groq.Groq",
		"llama_index.llms.azure_openai.AzureOpenAI", "llama_index.llms.mistralai.MistralAI"}
)

func init() {
	for _, typ := range langchainChatModels {
		returns(typ, typ)
		serviceRequests("ASL202", langchainAlt, prefixed(typ+".", langchainSyncCalls...)...)
	}
	for _, typ := range append(langchainChatModels, langchainChatOpenAI...) {
		coroutineMethods(typ, langchainAsyncCalls...)
	}
	for _, typ := range langchainEmbeddings {
		returns(typ, typ)
		serviceRequests("ASL202", langchainAlt, typ+".embed_query", typ+".embed_documents")
		coroutineMethods(typ, "aembed_query", "aembed_documents")
	}

	// LlamaIndex: an index built from documents embeds them on the calling
	// thread (from_documents); as_query_engine, as_chat_engine and
	// as_retriever only build engines.
	const (
		queryEngine = "llama_index.core.base.base_query_engine.BaseQueryEngine"
		chatEngine  = "llama_index.core.chat_engine.types.BaseChatEngine"
		retriever   = "llama_index.core.base.base_retriever.BaseRetriever"
	)
	for _, idx := range []string{"llama_index.core.VectorStoreIndex", "llama_index.core.indices.VectorStoreIndex",
		"llama_index.core.indices.vector_store.base.VectorStoreIndex"} {
		returns(idx, idx)
		returns(idx+".from_documents", idx)
		returns(idx+".from_vector_store", idx)
		serviceRequests("ASL202", llamaIndexAlt, idx+".from_documents")
		returns(idx+".as_query_engine", queryEngine)
		returns(idx+".as_chat_engine", chatEngine)
		returns(idx+".as_retriever", retriever)
	}
	serviceRequests("ASL202", llamaIndexAlt, queryEngine+".query", chatEngine+".chat", retriever+".retrieve")
	coroutineMethods(queryEngine, "aquery")
	coroutineMethods(chatEngine, "achat")
	coroutineMethods(retriever, "aretrieve")
	for _, typ := range llamaIndexLLMs {
		returns(typ, typ)
		serviceRequests("ASL202", llamaIndexAlt, typ+".complete", typ+".chat")
		coroutineMethods(typ, "acomplete", "achat")
	}
}

// Third batch of the coverage audit: the OpenAI and Anthropic SDKs'
// resources that async_libs.go's request lists leave out. openai-python
// generates one method tree for OpenAI and AsyncOpenAI (api.md: `client.
// audio.speech.create(...)`, files, batches, fine_tuning, the beta
// Assistants API, vector stores; the async client's methods are
// coroutines); anthropic-sdk-python likewise for Anthropic and
// AsyncAnthropic (beta.messages, messages.batches, models) and for its
// Bedrock and Vertex clients (`AnthropicBedrock`, `AnthropicVertex` and
// their Async twins, "the same API").
var (
	openAIMoreRequests = []string{"audio.speech.create", "audio.translations.create", "images.edit",
		"images.create_variation", "files.create", "files.retrieve", "files.delete", "files.content", "files.list",
		"batches.create", "batches.retrieve", "batches.cancel", "fine_tuning.jobs.create", "fine_tuning.jobs.retrieve",
		"responses.retrieve", "vector_stores.create", "vector_stores.files.create", "beta.assistants.create",
		"beta.assistants.retrieve", "beta.threads.create", "beta.threads.messages.create",
		"beta.threads.messages.list", "beta.threads.runs.create", "beta.threads.runs.retrieve",
		"beta.threads.runs.create_and_poll", "beta.threads.runs.poll", "beta.threads.create_and_run"}
	anthropicMoreRequests = []string{"beta.messages.create", "beta.messages.count_tokens", "messages.batches.create",
		"messages.batches.retrieve", "messages.batches.list", "models.list", "models.retrieve"}
)

func init() {
	for _, typ := range []string{"openai.OpenAI", "openai.AzureOpenAI"} {
		serviceRequests("ASL202", llmAlt, prefixed(typ+".", openAIMoreRequests...)...)
	}
	for _, typ := range []string{"openai.AsyncOpenAI", "openai.AsyncAzureOpenAI"} {
		coroutineMethods(typ, openAIMoreRequests...)
	}
	serviceRequests("ASL202", llmAlt, prefixed("anthropic.Anthropic.", anthropicMoreRequests...)...)
	coroutineMethods("anthropic.AsyncAnthropic", anthropicMoreRequests...)
	for _, typ := range []string{"anthropic.AnthropicBedrock", "anthropic.AnthropicVertex"} {
		returns(typ, typ)
		serviceRequests("ASL202", llmAlt, prefixed(typ+".", append(anthropicRequests, anthropicMoreRequests...)...)...)
	}
	for _, typ := range []string{"anthropic.AsyncAnthropicBedrock", "anthropic.AsyncAnthropicVertex"} {
		returns(typ, typ)
		coroutineMethods(typ, append(anthropicRequests, anthropicMoreRequests...)...)
	}
}

// LangGraph's compiled graphs (langgraph, graph/state.py: `StateGraph.compile`
// returns a `CompiledStateGraph`, a Pregel). Its synchronous `invoke` and
// `batch` run the whole graph on the calling thread: every node (the chat
// model's request, the tools) and every checkpoint read and write of a
// synchronous checkpointer (langgraph-checkpoint-sqlite's SqliteSaver "does
// not support async methods"; AsyncSqliteSaver is its async twin); the
// async twins are `async def ainvoke`/`abatch` (pregel/main.py). The
// prebuilt agent factories return the same compiled graph
// (langgraph.prebuilt.create_react_agent, and LangChain 1.0's
// langchain.agents.create_agent). `stream` is a generator (the graph runs
// as it is iterated) and `get_state`/`update_state` only read or write the
// checkpointer, quick with the in-memory one: none of the three is listed.
// The types are followed only from the constructors and factories, never
// from the method names, which other objects share.
const langgraphAlt = "await the graph's async twin (`await graph.ainvoke(...)`, `abatch`) or `await asyncio.to_thread(graph.invoke, ...)`"

// LangGraphCompiled is the type of a compiled LangGraph graph.
const LangGraphCompiled = "langgraph.graph.state.CompiledStateGraph"

func init() {
	for _, g := range []string{"langgraph.graph.StateGraph", "langgraph.graph.state.StateGraph",
		"langgraph.graph.MessageGraph", "langgraph.graph.message.MessageGraph"} {
		returns(g, g)
		returns(g+".compile", LangGraphCompiled)
	}
	for _, f := range []string{"langgraph.prebuilt.create_react_agent",
		"langgraph.prebuilt.chat_agent_executor.create_react_agent", "langchain.agents.create_agent"} {
		returns(f, LangGraphCompiled)
	}
	serviceRequests("ASL202", langgraphAlt, LangGraphCompiled+".invoke", LangGraphCompiled+".batch")
	coroutineMethods(LangGraphCompiled, "ainvoke", "abatch", "aget_state", "aupdate_state")
}
