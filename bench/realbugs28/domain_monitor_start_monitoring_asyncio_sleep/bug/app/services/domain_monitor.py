"""
Domain readiness monitoring service.
Periodically checks if domains are accessible and updates domain_ready status.
"""
import asyncio
import aiohttp
from sqlalchemy.orm import Session
from sqlalchemy import and_
from typing import Dict, Optional

from app.db.models import Job
from app.db.session import SessionLocal
from app.core.logging import cluster_logger
from app.core.config import settings


class DomainMonitor:
    """Service to monitor domain readiness."""
    
    def __init__(
        self,
        check_interval: int = 30,
        max_attempts: int = 3,
        caddy_admin_url: Optional[str] = None
    ):
        self.check_interval = check_interval
        self.max_attempts = max_attempts
        self.caddy_admin_url = caddy_admin_url or settings.CADDY_API_URL
        self.running = False
        self.session_factory = SessionLocal
        # Track attempts per job to avoid infinite checking
        self.job_attempts: Dict[int, int] = {}
        
    async def start(self):
        """Start the domain monitoring service as a background task."""
        if not self.running:
            # Create background task for monitoring
            asyncio.create_task(self.start_monitoring())
            cluster_logger.info(
                "Domain monitoring service started as background task"
            )
    
    async def start_monitoring(self):
        """Start the domain monitoring service."""
        self.running = True
        cluster_logger.info("Domain monitoring service started")
        
        while self.running:
            try:
                await self._check_pending_domains()
                asyncio.sleep(self.check_interval)
            except Exception as e:
                cluster_logger.error(f"Error in domain monitoring: {str(e)}")
                asyncio.sleep(self.check_interval)
    
    def stop_monitoring(self):
        """Stop the domain monitoring service."""
        self.running = False
        cluster_logger.info("Domain monitoring service stopped")
    
    async def _check_pending_domains(self):
        """Check domains for jobs that have active SSH tunnels."""
        db = self.session_factory()
        try:
            # Find jobs that are running but domain not ready yet
            # AND have at least one active SSH tunnel
            pending_jobs = db.query(Job).filter(
                and_(
                    Job.status == "RUNNING",
                    Job.domain_ready.is_(False),
                    Job.node.isnot(None),
                    Job.port.isnot(None)
                )
            ).all()
            
            if not pending_jobs:
                # Clean up attempts tracking for completed jobs
                self.job_attempts.clear()
                return
            
            for job in pending_jobs:
                # Check if we've exceeded max attempts for this job
                attempts = self.job_attempts.get(job.id, 0)
                if attempts >= self.max_attempts:
                    cluster_logger.warning(
                        f"Job {job.id} exceeded maximum domain check attempts "
                        f"({self.max_attempts}), skipping further checks"
                    )
                    continue
                
                try:
                    await self._check_job_domain(job, db)
                except Exception as e:
                    cluster_logger.error(
                        f"Error checking domain for job {job.id}: {str(e)}"
                    )
                    
        finally:
            db.close()
    
    async def _check_job_domain(self, job: Job, db: Session):
        """Check if a specific job's domain is accessible."""
        domain = (
            f"{job.owner.username}-{job.job_name}"
            ".orion.zfns.eu.org"
        )
        
        # Increment attempt counter
        self.job_attempts[job.id] = self.job_attempts.get(job.id, 0) + 1
        
        # Check domain accessibility
        is_accessible, error_msg = await self._check_domain_accessibility(
            domain
        )
        
        if is_accessible:
            job.domain_ready = True
            db.commit()
            # Remove from tracking since it's now ready
            self.job_attempts.pop(job.id, None)
    
    async def _check_domain_accessibility(
        self, domain: str, timeout: int = 10
    ) -> tuple[bool, str]:
        """Check if a domain is accessible via HTTP/HTTPS."""
        urls_to_check = [
            f"https://{domain}",
            f"http://{domain}"
        ]
        
        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=timeout)
        ) as session:
            for url in urls_to_check:
                try:
                    async with session.get(
                        url, allow_redirects=True
                    ) as response:
                        # Consider 2xx, 3xx, 401, and 403 as "accessible"
                        # (container might require auth but domain is working)
                        if response.status < 500:
                            return True, "Domain is accessible"
                except Exception:
                    continue
        
        return False, "Domain not accessible via HTTP/HTTPS"


# Global instance for the monitoring service
domain_monitor = DomainMonitor()
