import time
import json
import httpx
import logging
from bugbounty_gpt.env import API_BASE_URL, BUGCROWD_API_KEY

logger = logging.getLogger(__name__)

class BugCrowdAPI:
    @staticmethod
    def _get_headers(content_type='application/vnd.bugcrowd+json'):
        """
        Returns common headers for Bugcrowd API requests.
        """
        return {
            'Accept': content_type,
            'Authorization': f'Token {BUGCROWD_API_KEY}'
        }

    @staticmethod
    async def _fetch_page(url, params, page_limit, page_offset):
        """
        Fetches a page of data from the specified URL with pagination.
        """
        pagination_params = {
            'page[limit]': page_limit,
            'page[offset]': page_offset,
        }
        complete_params = {**params, **pagination_params}

        async with httpx.AsyncClient() as client:
            response = await client.get(url, headers=BugCrowdAPI._get_headers(), params=complete_params)
            try:
                data = response.json()
            except json.JSONDecodeError as e:
                logger.error(f"Error: Unable to decode JSON. {e}")
                return []

        return data['data'] if data['data'] else []

    @staticmethod
    async def fetch_submissions(params):
        """
        Fetches all submissions from BugCrowd.
        """
        logger.info("Fetching submissions from BugCrowd.")
        url = f'{API_BASE_URL}/submissions'
        page_limit = 100
        page_offset = 0
        all_submissions = []
        delay = 2  # Delay in seconds

        while True:
            submissions = await BugCrowdAPI._fetch_page(url, params, page_limit, page_offset)
            if not submissions:
                break

            all_submissions.extend(submissions)
            page_offset += page_limit

            time.sleep(delay)  # Add a delay between API calls

        return all_submissions if all_submissions else None

    @staticmethod
    async def fetch_submission(submission_id):
        """
        Fetches a specific submission from BugCrowd.
        """
        logger.info(f"Fetching submission {submission_id} from BugCrowd.")
        url = f'{API_BASE_URL}/submissions/{submission_id}'

        async with httpx.AsyncClient() as client:
            response = await client.get(url, headers=BugCrowdAPI._get_headers())
            if response.status_code == 200:
                return response.json()
            else:
                logger.error(f"Failed to fetch submission {submission_id}. Status code: {response.status_code}")
                return None
