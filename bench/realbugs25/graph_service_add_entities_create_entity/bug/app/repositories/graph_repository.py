import logging
import asyncio
import random
from typing import List, Dict, Any, Optional

# Kept your original imports
from app.db.cosmos_client import get_gremlin_client 
from gremlin_python.driver.client import Client
from gremlin_python.driver.serializer import GraphSONSerializersV2d0
from app.config import settings 

logger = logging.getLogger(__name__)

class GraphRepository:
    def __init__(self):
        """
        Initialize using the shared singleton client.
        Loads the correct Partition Key name from settings to prevent 404 writes.
        """
        # We will use this 'client' for string queries to avoid "source_instructions" error
        self.client = None 
        
        # Keep your original property
        self.pk_key = getattr(settings, "COSMOS_GREMLIN_PARTITION_KEY", "pk")
        logger.info(f"GraphRepository initialized. Using Partition Key: '{self.pk_key}'")

    def _escape(self, value: Any) -> str:
        """Helper to escape single quotes for Gremlin string queries."""
        if value is None: return ""
        return str(value).replace("'", "\\'")

    async def _execute_query(self, query: str, bindings: Dict[str, Any] = None) -> Any:
        """
        Centralized query execution with retry logic for rate limiting (429).
        """
        if not self.client: await self.connect()

        retries = 0
        MAX_RETRIES = 5
        
        while True:
            try:
                # We prefer executing without bindings for stability in this specific setup
                if bindings:
                    result_set = self.client.submit_async(query, bindings=bindings).result()
                else:
                    result_set = self.client.submit_async(query).result()
                
                return result_set.all().result()

            except Exception as exc:
                error_msg = str(exc)
                
                # 1. Handle Rate Limiting (429)
                if "429" in error_msg or "RequestRateTooLarge" in error_msg:
                    retries += 1
                    if retries > MAX_RETRIES:
                        logger.error(f"Max retries exceeded for query: {query}")
                        raise exc
                    wait_time = (0.5 * (2 ** retries)) + (random.randint(0, 100) / 1000.0)
                    await asyncio.sleep(wait_time)
                
                # 2. Handle Not Found (404) - Valid for empty DBs
                elif "404" in error_msg:
                    return []
                
                # 3. Handle Other Errors
                else:
                    logger.error(f"Query Execution Error: {exc} | Query: {query}")
                    raise exc

    # --- 2. CREATE ENTITY (UPSERT) ---
    async def create_entity(self, entity_id: str, label: str, properties: Dict[str, Any]) -> None:
        """Creates or updates an entity."""
        prop_str = ""
        
        # Keys to skip in the loop
        skip_keys = ["id", "pk", "partitionKey", self.pk_key]

        for key, value in properties.items():
            if key in skip_keys or value is None: continue
            safe_val = self._escape(value)
            prop_str += f".property('{key}', '{safe_val}')"
        
        # Ensure the partition key is set to the ID if not provided, 
        # because Cosmos DB requires a PK.
        pk_val = properties.get(self.pk_key) or properties.get("partitionKey") or entity_id

        query = (
            f"g.V('{entity_id}').fold().coalesce("
            f"unfold(), "
            f"addV('{label}')"
            f".property('id', '{entity_id}')"
            f".property('{self.pk_key}', '{pk_val}')"
            f")" 
            f"{prop_str}" 
        )
        await self._execute_query(query)

    # --- 3. CREATE RELATIONSHIP ---
    async def create_relationship(self, from_id: str, to_id: str, label: str, properties: Dict[str, Any] = None) -> None:
        """Creates a relationship using f-strings."""
        prop_str = ""
        if properties:
            for key, value in properties.items():
                if value is None: continue
                safe_val = self._escape(value)
                prop_str += f".property('{key}', '{safe_val}')"

        query = (
            f"g.V('{from_id}').coalesce("
            f"outE('{label}').where(inV().hasId('{to_id}')),"
            f"addE('{label}').to(g.V('{to_id}')){prop_str})"
        )
        await self._execute_query(query)

    async def get_relationships(self) -> List[Dict[str, Any]]:
        return await self._execute_query("g.E().project('id', 'label', 'source', 'target', 'properties').by(id).by(label).by(outV().id()).by(inV().id()).by(valueMap())")

    # THIS WAS THE MISSING METHOD - ADDED BACK
    async def get_relationships_for_entity(self, entity_id: str) -> List[Dict[str, Any]]:
        return await self._execute_query(f"g.V('{entity_id}').bothE().elementMap()")

# Initialize the repository instance
graph_repository = GraphRepository()