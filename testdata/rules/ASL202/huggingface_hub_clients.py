# huggingface_hub: HfApi's methods and their module aliases are HTTPS
# requests to the Hub (bench/realbugs24, an AI service's model_info);
# InferenceClient's tasks are requests, AsyncInferenceClient's coroutines.
import asyncio

from huggingface_hub import AsyncInferenceClient, HfApi, InferenceClient, hf_hub_download


class HubService:
    def __init__(self, token):
        self.hf_api = HfApi(token=token)

    async def get_model_details(self, repo_id):
        info = self.hf_api.model_info(repo_id)  # want: ASL202 "`self\.hf_api\.model_info\(\)` \(huggingface_hub\.HfApi\.model_info\) blocks the event loop"
        return info.tags

    async def fetch_weights(self, repo_id):
        return hf_hub_download(repo_id, "model.safetensors")  # want: ASL202

    async def ask(self, prompt):
        client = InferenceClient("some/model")
        return client.chat_completion([{"role": "user", "content": prompt}])  # want: ASL202


# Quiet: the request in a thread, the async inference client awaited, a
# generator listing the Hub (its requests happen while iterated), and a
# sync function.
async def details_in_thread(api: HfApi, repo_id):
    return await asyncio.to_thread(api.model_info, repo_id)


async def ask_async(prompt):
    client = AsyncInferenceClient("some/model")
    return await client.chat_completion([{"role": "user", "content": prompt}])


async def models_lazily(api: HfApi):
    return api.list_models(author="me")


def details_sync(repo_id):
    return HfApi().model_info(repo_id)
